/**
 * `npm run bench:render`: writes docs/benchmarks.md and .svg again from docs/benchmarks.json, the
 * figures of the last `npm run bench`, with the hand-written parts (why.md, profile.md, http-path.md)
 * as they are now. Measures nothing: after editing those parts, the page shows the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes.ts';
import { writeReport } from './report.ts';
import type { BenchResults } from './types.ts';

const docs = join(ROOT, 'docs');
const results = JSON.parse(readFileSync(join(docs, 'benchmarks.json'), 'utf8')) as BenchResults;
writeReport(docs, results, { json: false });
console.log(`bench:render: docs/benchmarks.md and .svg from the run of ${results.date}`);
