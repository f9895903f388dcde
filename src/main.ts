// `npm start`. Until the GraphQL gateway lands, this serves the Self Care Sandbox on SANDBOX_PORT.
import { ConfigError, loadConfig } from './config.ts';
import { startSandbox } from './sandbox/start.ts';
import { exitOnSignals } from './shutdown.ts';

try {
  const config = loadConfig();
  const { sandbox } = await startSandbox(config.sandbox);
  exitOnSignals(() => sandbox.close());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
