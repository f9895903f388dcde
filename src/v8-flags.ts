// V8 settings of the gateway process, set before any other module loads (main.ts imports this first).
//
// Allocation-site pretenuring off: V8 sees that a request's objects (its context, loaders, promises,
// upstream answers) outlive a young-generation collection while the request waits on the upstream,
// and starts allocating them straight into the old generation, where they die and only a full
// mark-compact frees them. Under the dashboard load that made the old generation grow by about
// 30 MB/s of garbage. Without it they die young: measured in docs/benchmarks.md ("V8's heap").
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
