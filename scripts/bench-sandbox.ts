/**
 * Benchmarks the Self Care Sandbox at size: how long a seed of N subscribers takes to build through
 * createSandbox (the real code path), how big the database file is, and the latency of
 * GET /v2/tigo/mobile/{country}/billing/subscribers/{MSISDN}/status, one request at a time over one
 * keep-alive connection, for lines spread over the whole seed.
 *
 * Usage: node scripts/bench-sandbox.ts [--subscribers N] [--requests N] [--db PATH] [--keep]
 *   --subscribers  seed size (default 1000000)
 *   --requests     measured requests, after a warm-up of 200 (default 5000)
 *   --db           SQLite file (default a fresh file in os.tmpdir(), removed at the end unless --keep);
 *                  a file that already holds a seed is reused as it is, and the seed is not timed
 * Exits 1 when any request failed (an error or a status other than 200).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { hash32 } from '../src/sandbox/hash.ts';
import { msisdnOf } from '../src/sandbox/seed.ts';
import { BASE_PATH, createSandbox } from '../src/sandbox/server.ts';

const WARM_UP = 200;
const PROGRESS_EVERY_MS = 2000;
const REQUEST_TIMEOUT_MS = 10_000;

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '5000' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function positiveInt(name: string, text: string): number {
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number, not ${text}`);
    process.exit(2);
  }
  return value;
}

const wanted = positiveInt('subscribers', args.subscribers);
const requests = positiveInt('requests', args.requests);
const tempDir = args.db === undefined ? mkdtempSync(join(tmpdir(), 'bench-sandbox-')) : undefined;
const dbPath = args.db ?? join(tempDir as string, 'sandbox.db');
const reused = existsSync(dbPath);

const fmt = (n: number): string => n.toLocaleString('en');
const ms = (ns: bigint | number): number => Number(ns) / 1e6;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

const cpu = cpus();
console.log(`machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores; node ${process.version}`);
console.log(`db: ${dbPath}${reused ? ' (exists: an existing seed is reused)' : ''}`);

// --- Seed ---------------------------------------------------------------------------------------
let lastReport = 0;
const seedStart = process.hrtime.bigint();
const sandbox = createSandbox({
  db: dbPath,
  subscribers: wanted,
  onSeedProgress: ({ done, total }) => {
    const now = Date.now();
    if (now - lastReport >= PROGRESS_EVERY_MS || done === total) {
      lastReport = now;
      console.log(`seeding ${fmt(done)} / ${fmt(total)}`);
    }
  },
});
const seedNs = process.hrtime.bigint() - seedStart;
const seeded = sandbox.subscribers;
if (reused)
  console.log(`existing seed of ${fmt(seeded)} subscribers opened in ${(ms(seedNs) / 1000).toFixed(1)} s`);
else console.log(`seeded ${fmt(seeded)} subscribers in ${(ms(seedNs) / 1000).toFixed(1)} s`);

let dbBytes = 0;
if (dbPath !== ':memory:') {
  sandbox.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const main = sizeOf(dbPath);
  const wal = sizeOf(`${dbPath}-wal`);
  dbBytes = main + wal;
  console.log(`db size: ${mib(dbBytes)} (${fmt(main)} bytes + ${fmt(wal)} bytes of -wal)`);
}
console.log(`rss after seed: ${mib(process.memoryUsage().rss)}`);

// --- GET status ---------------------------------------------------------------------------------
const url = new URL(await sandbox.listen(0, '127.0.0.1'));
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let connections = 0;

interface Answer {
  status: number;
  ns: bigint;
}

function getStatus(index: number): Promise<Answer> {
  const { msisdn, market } = msisdnOf(index);
  const path = `${BASE_PATH}/${market.country}/billing/subscribers/${msisdn}/status`;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ host: url.hostname, port: url.port, path, agent, method: 'GET' }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ns: process.hrtime.bigint() - started }));
      res.on('error', reject);
    });
    req.on('socket', () => {
      if (!req.reusedSocket) connections++;
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () =>
      req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)),
    );
    req.on('error', reject);
    req.end();
  });
}

const failures: string[] = [];
async function run(count: number, salt: number, latencies?: Float64Array): Promise<void> {
  for (let i = 0; i < count; i++) {
    // Pseudo-random, reproducible lines spread over [0, seeded).
    const index = hash32(i, salt) % seeded;
    try {
      const answer = await getStatus(index);
      if (latencies) latencies[i] = ms(answer.ns);
      if (answer.status !== 200)
        failures.push(`line ${index} (${msisdnOf(index).msisdn}): HTTP ${answer.status}`);
    } catch (error) {
      if (latencies) latencies[i] = Number.NaN;
      failures.push(`line ${index} (${msisdnOf(index).msisdn}): ${(error as Error).message}`);
    }
  }
}

await run(WARM_UP, 0x5eed);
const latencies = new Float64Array(requests);
const loopStart = process.hrtime.bigint();
await run(requests, 0xbe7c, latencies);
const loopNs = process.hrtime.bigint() - loopStart;

agent.destroy();
await sandbox.close();
if (tempDir !== undefined && !args.keep) rmSync(tempDir, { recursive: true, force: true });
else if (args.keep) console.log(`kept ${dbPath}${tempDir ? ` (in ${dirname(dbPath)})` : ''}`);

const sorted = latencies.filter((v) => !Number.isNaN(v)).sort();
const pct = (q: number): number => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
const [p50, p90, p99] = [pct(0.5), pct(0.9), pct(0.99)] as [number, number, number];
const max = sorted[sorted.length - 1] ?? Number.NaN;
const rps = requests / (ms(loopNs) / 1000);

console.log(
  `GET status over ${fmt(requests)} requests (after ${WARM_UP} warm-up, ${connections} connection${connections === 1 ? '' : 's'}): ` +
    `p50 ${p50.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max.toFixed(2)} ms; ` +
    `${fmt(Math.round(rps))} requests/s`,
);
if (failures.length > 0) {
  console.error(`${fmt(failures.length)} request(s) failed, e.g.:`);
  for (const failure of failures.slice(0, 10)) console.error(`  - ${failure}`);
  process.exitCode = 1;
}

const seedPart = reused
  ? `seed of ${fmt(seeded)} subscribers reused (not timed)`
  : `seed ${fmt(seeded)} subscribers: ${(ms(seedNs) / 1000).toFixed(1)} s`;
const dbPart = dbPath === ':memory:' ? 'db in memory' : `db ${mib(dbBytes)}`;
console.log(
  `${seedPart}, ${dbPart}; GET status p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms over ${fmt(requests)} requests` +
    (failures.length > 0 ? ` (${fmt(failures.length)} FAILED)` : ''),
);
