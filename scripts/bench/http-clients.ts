/**
 * `npm run bench:http`: the CPU of the upstream HTTP path, per six-call fan-out (the dashboard's six
 * GETs, all at once, bodies read and parsed), for several HTTP clients in one process, against the
 * Self Care Sandbox in its own process (so the server's CPU is not counted), answering at once.
 *
 * Clients: got as src/upstream/client.ts configures and calls it today; got tuned (options prepared
 * per operation, no downloadProgress listener, no per-call AbortController, headers built once);
 * `fetch`; undici `Pool` + `request`; undici `Pool` + `dispatch` (a handler gathering the chunks, no
 * body stream); bare `node:http` with a keep-alive Agent; and the gateway's
 * real client (`createUpstreamClient`: breaker, in-flight limit, contract validation; cache off and
 * on), plus the contract validation of the six answers alone.
 *
 * Method: a warm-up of every client, then `--rounds` rounds; in each round every client (in a
 * rotating order) runs `--per-round` fan-outs one after another, and its CPU (process.cpuUsage(),
 * user + system, GC included) ÷ fan-outs is one sample. Reported: the median of the rounds (and the
 * lowest and highest). CPU, not wall time: the machine is shared.
 *
 * Usage: npm run bench:http -- [--rounds 15] [--per-round 200] [--warmup 300] [--quick] [--json]
 *   --quick  5 rounds of 100 after a 100 warm-up
 *   --json   print one JSON line of the results instead of the table (for scripts/bench/main.ts)
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import got, { type Got } from 'got';
import Keyv from 'keyv';
import { Pool } from 'undici';
import { loadConfig } from '../../src/config.ts';
import { validateResponse } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import { BoundedMap } from '../../src/upstream/cache.ts';
import { createUpstreamClient, type UpstreamApi } from '../../src/upstream/client.ts';
import { cleanEnv, SandboxControl, startProcess } from './processes.ts';
import { DASHBOARD_READS } from './reference.ts';
import type { HttpClientResult, HttpClientsResults } from './types.ts';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string' },
    'per-round': { type: 'string' },
    warmup: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const whole = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench:http: --${name} must be a whole number ≥ 1, not ${text}`);
    process.exit(2);
  }
  return n;
};
const rounds = whole('rounds', args.rounds ?? (args.quick ? '5' : '15'));
const perRound = whole('per-round', args['per-round'] ?? (args.quick ? '100' : '200'));
const warmup = whole('warmup', args.warmup ?? (args.quick ? '100' : '300'));
const log = (message: string) => {
  if (!args.json) console.log(`bench:http: ${message}`);
};

// --- The upstream: the Sandbox, answering at once --------------------------------------------------
const sandboxProcess = await startProcess(
  'sandbox',
  'src/sandbox/main.ts',
  cleanEnv({ SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: '0' }),
  /REST API at (http\S+\{country\})/,
);
const upstreamUrl = sandboxProcess.match[1] as string;
const sandbox = new SandboxControl(new URL(upstreamUrl.replace('{country}', 'hn')).origin);
const line = (await sandbox.demo()).active;
if (!line) throw new Error('the Sandbox lists no active demo line');
const base = new URL(upstreamUrl.replace('{country}', line.country));
const basePath = base.pathname.replace(/\/$/, '');
const paths = DASHBOARD_READS(line.msisdn).map((p) => `${basePath}${p}`);
const urls = paths.map((p) => `${base.origin}${p}`);
const config = loadConfig({}).gateway;
const maxSockets = config.upstreamMaxSockets;
log(
  `Sandbox at ${base.origin} (latency 0), line ${line.country} ${line.msisdn}; ${maxSockets} sockets per client`,
);

const ok = (status: number, url: string) => {
  if (status !== 200) throw new Error(`HTTP ${status} from ${url}`);
};

// --- got, as src/upstream/client.ts configures and calls it today --------------------------------
const gotAgent = new HttpAgent({ keepAlive: true, maxSockets });
const gotCurrent: Got = got.extend({
  agent: { http: gotAgent },
  retry: { limit: 0 },
  throwHttpErrors: false,
  followRedirect: false,
  responseType: 'text',
  decompress: false,
});
/** One exchange as client.ts's `exchange` makes it (no span: tracing is off by default). */
async function gotAsToday(url: string): Promise<unknown> {
  const [path, query] = url.split('?') as [string, string | undefined];
  const tooLarge = new AbortController();
  const request = gotCurrent(path, {
    signal: tooLarge.signal,
    method: 'GET',
    searchParams: query ? Object.fromEntries(new URLSearchParams(query)) : undefined,
    json: undefined,
    // A copy per call of the headers the exchange is given, as client.ts builds them (the request's
    // correlation id; tracing is off by default, so no trace headers).
    headers: { ...{}, ...{ 'x-correlation-id': 'bench-0001' } },
    timeout: { request: config.upstreamTimeoutMs },
  });
  request.on('downloadProgress', ({ transferred }) => {
    if (transferred > config.upstreamMaxBodyBytes) tooLarge.abort();
  });
  const response = await request;
  ok(response.statusCode, url);
  return JSON.parse(response.body);
}

// --- got, tuned ------------------------------------------------------------------------------------
const tunedAgent = new HttpAgent({ keepAlive: true, maxSockets });
/** One instance per operation: its options (method, timeout, headers) normalised once, not per call. */
const gotTuned: Got[] = urls.map(() =>
  gotCurrent.extend({
    agent: { http: tunedAgent },
    method: 'GET',
    timeout: { request: config.upstreamTimeoutMs },
    headers: { accept: 'application/json' },
  }),
);
async function gotTunedGet(i: number): Promise<unknown> {
  // The body cap without a per-chunk listener: the answer's length, checked once.
  const response = await (gotTuned[i] as Got)(urls[i] as string);
  ok(response.statusCode, urls[i] as string);
  if (Buffer.byteLength(response.body) > config.upstreamMaxBodyBytes) throw new Error('too large');
  return JSON.parse(response.body);
}

// --- fetch -----------------------------------------------------------------------------------------
async function fetchGet(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(config.upstreamTimeoutMs) });
  ok(res.status, url);
  return JSON.parse(await res.text());
}
async function fetchBareGet(url: string): Promise<unknown> {
  const res = await fetch(url);
  ok(res.status, url);
  return JSON.parse(await res.text());
}

// --- undici Pool -----------------------------------------------------------------------------------
const pool = new Pool(base.origin, { connections: maxSockets, pipelining: 1 });
async function undiciGet(path: string): Promise<unknown> {
  const { statusCode, body } = await pool.request({
    path,
    method: 'GET',
    headersTimeout: config.upstreamTimeoutMs,
    bodyTimeout: config.upstreamTimeoutMs,
  });
  ok(statusCode, path);
  return JSON.parse(await body.text());
}

/** The same on `dispatch`: the handler gathers the body's chunks, no Readable (src/upstream/transport.ts). */
const dispatchPool = new Pool(base.origin, { connections: maxSockets, pipelining: 1 });
function undiciDispatchGet(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let status = 0;
    const chunks: Buffer[] = [];
    dispatchPool.dispatch(
      {
        path,
        method: 'GET',
        headersTimeout: config.upstreamTimeoutMs,
        bodyTimeout: config.upstreamTimeoutMs,
      },
      {
        onRequestStart: () => undefined,
        onResponseStart: (_controller, statusCode) => {
          status = statusCode;
        },
        onResponseData: (_controller, chunk) => {
          chunks.push(chunk);
        },
        onResponseEnd: () => {
          try {
            ok(status, path);
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        },
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });
}

// --- node:http -------------------------------------------------------------------------------------
const bareAgent = new HttpAgent({ keepAlive: true, maxSockets });
function nodeHttpGet(path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: base.hostname, port: base.port, path, agent: bareAgent, method: 'GET' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            ok(res.statusCode ?? 0, path);
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// --- the gateway's client --------------------------------------------------------------------------
const gatewayClient = (cache: boolean) =>
  createUpstreamClient({
    baseUrl: upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    timeouts: config.upstreamTimeouts,
    maxSockets,
    maxQueue: config.upstreamMaxQueue,
    retries: config.upstreamRetries,
    retryBaseMs: config.upstreamRetryBaseMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    breaker: { failures: config.breakerFailures, cooldownMs: config.breakerCooldownMs },
    cache: cache ? new Keyv({ store: new BoundedMap(config.cacheMaxEntries) }) : null,
  });
const clientOff = gatewayClient(false);
const clientOn = gatewayClient(true);
/** The dashboard's six reads, as src/loaders/index.ts asks for them. */
const sixReads = (api: UpstreamApi) => {
  const at = { country: line.country, path: { MSISDN: line.msisdn } };
  return Promise.all([
    api.GetStatusOfSubscriberByMSISDN(at),
    api.GetCurrentPlanDetailsbyMSISDN(at),
    api.GetAvailableOffersByMSISDN({ ...at, query: { channelId: 4 } }),
    api.GetFavoriteNumbersByMSISDN(at),
    api.GetPhoneLeaseDetailsbyMSISDN(at),
    api.GetDataUsagePercentageByMSISDNPerApp({
      country: line.country,
      path: { msisdn: line.msisdn },
      query: { resolution: 'DAY' },
    }),
  ]);
};

// --- contract validation alone ---------------------------------------------------------------------
const OPERATIONS: OperationId[] = [
  'GetStatusOfSubscriberByMSISDN',
  'GetCurrentPlanDetailsbyMSISDN',
  'GetAvailableOffersByMSISDN',
  'GetFavoriteNumbersByMSISDN',
  'GetPhoneLeaseDetailsbyMSISDN',
  'GetDataUsagePercentageByMSISDNPerApp',
];
const bodies = (await Promise.all(paths.map(nodeHttpGet))) as unknown[];
const texts = bodies.map((b) => JSON.stringify(b));

const all = <T>(each: (i: number) => Promise<T>) => Promise.all(urls.map((_, i) => each(i)));
const CLIENTS: { id: string; name: string; fanOut: () => Promise<unknown> }[] = [
  {
    id: 'got-today',
    name: 'got, as src/upstream/client.ts configured it before undici replaced it',
    fanOut: () => all((i) => gotAsToday(urls[i] as string)),
  },
  {
    id: 'got-tuned',
    name: 'got, tuned (options per operation, no listener, no AbortController)',
    fanOut: () => all(gotTunedGet),
  },
  {
    id: 'fetch',
    name: '`fetch` (with an AbortSignal.timeout)',
    fanOut: () => all((i) => fetchGet(urls[i] as string)),
  },
  { id: 'fetch-bare', name: '`fetch`, bare', fanOut: () => all((i) => fetchBareGet(urls[i] as string)) },
  {
    id: 'undici',
    name: 'undici `Pool` + `request`',
    fanOut: () => all((i) => undiciGet(paths[i] as string)),
  },
  {
    id: 'undici-dispatch',
    name: 'undici `Pool` + `dispatch` (chunks gathered by a handler, no body stream)',
    fanOut: () => all((i) => undiciDispatchGet(paths[i] as string)),
  },
  {
    id: 'node-http',
    name: 'bare `node:http` (keep-alive Agent)',
    fanOut: () => all((i) => nodeHttpGet(paths[i] as string)),
  },
  {
    id: 'gateway-cache-off',
    name: 'the gateway client (`createUpstreamClient`), cache off',
    fanOut: () => sixReads(clientOff.api),
  },
  {
    id: 'gateway-cache-on',
    name: 'the gateway client (`createUpstreamClient`), cache on',
    fanOut: () => sixReads(clientOn.api),
  },
  {
    id: 'validation',
    name: 'contract validation of the six answers alone (parse + `validateResponse`, no HTTP)',
    fanOut: async () => {
      for (let i = 0; i < OPERATIONS.length; i++) {
        const problems = validateResponse(OPERATIONS[i] as OperationId, 200, JSON.parse(texts[i] as string));
        if (problems.length > 0) throw new Error(problems.join('; '));
      }
    },
  },
];

// --- Measure ---------------------------------------------------------------------------------------
const samples = new Map<string, number[]>(CLIENTS.map((c) => [c.name, []]));
try {
  for (const client of CLIENTS) for (let i = 0; i < warmup; i++) await client.fanOut();
  log(`warmed up (${warmup} fan-outs each); ${rounds} rounds of ${perRound} fan-outs per client`);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < CLIENTS.length; k++) {
      const client = CLIENTS[(round + k) % CLIENTS.length] as (typeof CLIENTS)[number];
      const start = process.cpuUsage();
      for (let i = 0; i < perRound; i++) await client.fanOut();
      const cpu = process.cpuUsage(start);
      samples.get(client.name)?.push((cpu.user + cpu.system) / 1000 / perRound);
    }
  }
} finally {
  clientOff.close();
  clientOn.close();
  await pool.close();
  await dispatchPool.close();
  for (const agent of [gotAgent, tunedAgent, bareAgent]) agent.destroy();
  await sandboxProcess.stop();
}

const results: HttpClientResult[] = CLIENTS.map(({ id, name }) => {
  const sorted = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    id,
    name,
    medianMs: median,
    minMs: sorted[0] as number,
    maxMs: sorted[sorted.length - 1] as number,
  };
});
const output: HttpClientsResults = {
  date: new Date().toISOString(),
  rounds,
  perRound,
  warmup,
  maxSockets,
  results,
};
if (args.json) {
  console.log(JSON.stringify(output));
} else {
  console.log('\n| client | CPU ms per six-call fan-out (median) | lowest | highest |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of results)
    console.log(`| ${r.name} | ${r.medianMs.toFixed(3)} | ${r.minMs.toFixed(3)} | ${r.maxMs.toFixed(3)} |`);
}
