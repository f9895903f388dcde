// V8 settings of the gateway process. `npm start`, the Dockerfile's CMD and the benchmark put them on
// node's command line (a test keeps those in step with this list); main.ts imports this file first,
// so a start without them (`node src/main.ts`) still gets them, set at run time, which measured a
// little less effective (docs/benchmarks.md).
//
// Allocation-site pretenuring off: V8 sees that a request's objects (its context, loaders, promises,
// upstream answers) outlive a young-generation collection while the request waits on the upstream,
// and starts allocating them straight into the old generation, where they die and only a full
// mark-compact frees them. Under the dashboard load that made the old generation grow by about
// 30 MB/s of garbage. Without it they die young: measured in docs/benchmarks.md.
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = ['--no-allocation-site-pretenuring'];

for (const flag of V8_FLAGS) setFlagsFromString(flag);
