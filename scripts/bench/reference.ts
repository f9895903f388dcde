/**
 * The reference of the benchmark, run as its own process so its CPU can be measured alone: the
 * dashboard's six upstream reads sent straight to the Sandbox by a plain keep-alive HTTP client
 * (node:http Agent), all six at once; one "request" is the six GETs, complete with their bodies read
 * and parsed. `connections` loops run back to back for a warm-up, then for the measured duration.
 *
 * Usage (by scripts/bench/main.ts): node scripts/bench/reference.ts '<json ReferenceArgs>'
 * Prints JSON lines: {"event":"measuring"} when the measured part starts, then {"event":"result",...}.
 */
import { Agent, request } from 'node:http';

export interface ReferenceArgs {
  /** The upstream base with the country filled in, e.g. http://127.0.0.1:4010/v2/tigo/mobile/hn */
  base: string;
  msisdn: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /** A first warm-up at more connections, as the gateway's scenarios get, so V8 has optimised the client. */
  jitWarmupS: number;
  jitWarmupConnections: number;
  maxSockets: number;
}

export interface ReferenceResult {
  event: 'result';
  connections: number;
  warmupRequests: number;
  requests: number;
  elapsedMs: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  cpuMsPerRequest: number;
  errors: number;
  non2xx: number;
  sockets: number;
  firstError: string | null;
}

/** The dashboard's six reads, as the gateway sends them (offers: channel 4; usage: by day). */
export const DASHBOARD_READS = (msisdn: string): string[] => [
  `/billing/subscribers/${msisdn}/status`,
  `/plans/subscribers/${msisdn}/current`,
  `/plans/subscribers/${msisdn}/availableoffers/?channelId=4`,
  `/plans/subscribers/${msisdn}/favorites/`,
  `/plans/subscribers/${msisdn}/phonelease/`,
  `/billing/subscribers/${msisdn}/usage/data/percentagebyapp?resolution=DAY`,
];

const percentile = (sorted: Float64Array, q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

async function main(args: ReferenceArgs): Promise<void> {
  const base = new URL(args.base);
  const agent = new Agent({ keepAlive: true, maxSockets: args.maxSockets });
  const paths = DASHBOARD_READS(args.msisdn).map((p) => `${base.pathname.replace(/\/$/, '')}${p}`);
  let sockets = 0;
  const seen = new WeakSet<object>();
  let errors = 0;
  let non2xx = 0;
  let firstError: string | null = null;

  const get = (path: string): Promise<void> =>
    new Promise((resolve) => {
      const req = request({ host: base.hostname, port: base.port, path, agent, method: 'GET' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) {
            non2xx++;
            firstError ??= `HTTP ${status} from ${path}`;
          } else {
            try {
              JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              errors++;
              firstError ??= `a body that is not JSON from ${path}`;
            }
          }
          resolve();
        });
        res.on('error', (error) => {
          errors++;
          firstError ??= error.message;
          resolve();
        });
      });
      // Distinct sockets (req.reusedSocket is false too for a request that waited for a busy socket).
      req.on('socket', (socket) => {
        if (seen.has(socket)) return;
        seen.add(socket);
        sockets++;
      });
      req.setTimeout(10_000, () => req.destroy(new Error(`timed out: ${path}`)));
      req.on('error', (error) => {
        errors++;
        firstError ??= error.message;
        resolve();
      });
      req.end();
    });

  const dashboard = () => Promise.all(paths.map(get));

  /** `connections` loops until the deadline; each finishes the request it has started. */
  const run = async (seconds: number, latencies?: number[], loops = args.connections): Promise<number> => {
    const deadline = performance.now() + seconds * 1000;
    let count = 0;
    await Promise.all(
      Array.from({ length: loops }, async () => {
        while (performance.now() < deadline) {
          const started = performance.now();
          await dashboard();
          latencies?.push(performance.now() - started);
          count++;
        }
      }),
    );
    return count;
  };

  const warmupRequests =
    (await run(args.jitWarmupS, undefined, args.jitWarmupConnections)) + (await run(args.warmupS));
  errors = 0;
  non2xx = 0;
  firstError = null;
  process.stdout.write(`${JSON.stringify({ event: 'measuring' })}\n`);
  const latencies: number[] = [];
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const requests = await run(args.durationS, latencies);
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const result: ReferenceResult = {
    event: 'result',
    connections: args.connections,
    warmupRequests,
    requests,
    elapsedMs,
    reqPerSec: requests / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / requests,
    errors,
    non2xx,
    sockets,
    firstError,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], 'file://').href) {
  await main(JSON.parse(process.argv[2] ?? '{}') as ReferenceArgs);
}
