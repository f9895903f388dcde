// How the gateway's node process runs, measured in docs/benchmarks.md. `npm start`, the Dockerfile's
// CMD and the benchmark put the V8 flags on node's command line and `npm start` and the benchmark set
// the compile cache (tests keep those in step with this file); main.ts imports this file first, so a
// start without them (`node src/main.ts`) still gets the flags, set at run time, which measured a
// little less effective.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Allocation-site pretenuring off: V8 sees that a request's objects (its context, loaders, promises,
// upstream answers) outlive a young-generation collection while the request waits on the upstream,
// and starts allocating them straight into the old generation, where they die and only a full
// mark-compact frees them. Under the dashboard load that made the old generation grow by about
// 30 MB/s of garbage. Without it they die young.
export const V8_FLAGS = ['--no-allocation-site-pretenuring'];

// Node's module compile cache (NODE_COMPILE_CACHE), relative to the package: from the second start
// on, modules come compiled from it and Node's TypeScript stripper is never loaded (17 MiB of RSS).
export const COMPILE_CACHE = 'node_modules/.cache/node-compile-cache';

for (const flag of V8_FLAGS) setFlagsFromString(flag);

/**
 * One memory-reducing collection once the gateway is built, before it listens: start-up leaves its
 * garbage and a young generation grown to 32 MiB, which V8 gives back only in a collection made for
 * low memory (about 30 MiB of RSS, in about 0.1 s). Under load the young generation grows again as
 * V8 sees fit. V8's `gc` is taken in a context of its own and the flag set back, so no code finds a
 * global `gc` to call.
 */
export function releaseStartupMemory(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: object) => void;
  setFlagsFromString('--no-expose-gc');
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
