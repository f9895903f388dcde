/** On SIGINT or SIGTERM: stop accepting work, finish what is in flight, then exit. */
export function exitOnSignals(close: () => Promise<void>): void {
  const stop = (signal: string) => {
    console.log(`${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
