/**
 * `npm run bench`: the gateway's latency, throughput, CPU, memory and upstream calls under load,
 * against a reference that sends the dashboard's six upstream reads straight to the Sandbox.
 *
 * Processes, each its own Node process started through its public entry point:
 *   - the Self Care Sandbox (src/sandbox/main.ts, SANDBOX_PORT=0, SANDBOX_LATENCY_MS fixed);
 *   - the gateway (src/main.ts, UPSTREAM_URL at the Sandbox, PORT=0, LOG_LEVEL=warn,
 *     RATE_LIMIT_MAX=1000000, NODE_ENV=production with real tokens checked against a local JWKS that
 *     this process serves): once with CACHE=false (the dashboard, and the dashboard with the line
 *     twice under aliases: the loaders' dedupe alone), then once with the cache on (the dashboard with
 *     the HTTP cache, a mutation, a REST call);
 *   - the peer (scripts/bench/peer/main.ts): a plain Apollo Server 5 + RESTDataSource gateway over
 *     the same Sandbox, NODE_ENV=production, answering the same dashboard; read through /proc;
 *   - the reference (scripts/bench/reference.ts): the six GETs of the dashboard at once, over a
 *     keep-alive node:http Agent, one process per connection count so its CPU is its own;
 *   - autocannon (programmatic API, in this process) loads the gateway with an agent token.
 * After the load runs, the upstream HTTP path micro-benchmark (scripts/bench/http-clients.ts) runs in
 * its own process for issue 13's target 6.
 * At the start the peer's and the gateway's answers to the dashboard are compared: the same data, no
 * errors, or the benchmark stops. Every scenario: a warm-up of 2 × --warmup s at the highest connection count (V8 optimises the code
 * before the 1-connection run). Every run: a warm-up at its connection count (which also sizes the
 * run), then a run of `amount` requests sized to last about --duration seconds, so no request is in
 * flight when it is counted.
 *
 * Usage: npm run bench -- [--latency 10] [--connections 1,10,50] [--duration 10] [--warmup 2]
 *                          [--env NAME=VALUE ...] [--quick]
 *   --quick   a smoke run: 3 s runs at 1 and 10 connections, 1 s warm-ups
 *   --env     extra settings of the gateway processes (docs/configuration.md), e.g. --env UPSTREAM_MAX_SOCKETS=128
 * Writes docs/benchmarks.md, docs/benchmarks.json and docs/benchmarks.svg. Exits 1 when any request
 * failed (an error, a non-2xx or a GraphQL `errors`); targets not met are reported, not fatal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, platform, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import autocannon, { type Options as CannonOptions, type Result as CannonResult } from 'autocannon';
import { type FieldNode, Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken } from '../../src/auth/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { COMPILE_CACHE, V8_FLAGS } from '../../src/runtime.ts';
import {
  cleanEnv,
  type GatewaySample,
  machineBusyMs,
  procCpuMs,
  procPeakRss,
  procSample,
  ROOT,
  RssSampler,
  SandboxControl,
  type Started,
  scrape,
  serveJwks,
  sleep,
  startProcess,
} from './processes.ts';
import type { ReferenceArgs, ReferenceResult } from './reference.ts';
import { writeReport } from './report.ts';
import type {
  BenchResults,
  GatewayInfo,
  GatewayRun,
  HttpClientsResults,
  PeerComparison,
  ReferenceRun,
  Target,
} from './types.ts';

// --- Options ------------------------------------------------------------------------------------
const { values: args } = parseArgs({
  options: {
    latency: { type: 'string', default: '10' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    quick: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}
function number(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) fail(`--${name} must be a number ≥ ${min}, not ${text}`);
  return value;
}

const quick = args.quick;
const latencyMs = number('latency', args.latency, 0);
const durationS = number('duration', args.duration ?? (quick ? '3' : '10'), 1);
const warmupS = number('warmup', args.warmup ?? (quick ? '1' : '2'), 0.5);
const connectionCounts = (args.connections ?? (quick ? '1,10' : '1,10,50')).split(',').map((c) => {
  const n = number('connections', c.trim(), 1);
  if (!Number.isInteger(n)) fail(`--connections takes whole numbers, not ${c}`);
  return n;
});
const extraEnv: Record<string, string> = {};
for (const pair of args.env) {
  const at = pair.indexOf('=');
  if (at < 1) fail(`--env takes NAME=VALUE, not ${pair}`);
  extraEnv[pair.slice(0, at)] = pair.slice(at + 1);
}
const argv = process.argv.slice(2);
const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;

/** A run is given at most this long before it is stopped (and reported as such). */
const RUN_LIMIT_MS = (durationS * 5 + 60) * 1000;
/** Pause after a warm-up so what it left in flight is done before counters are read. */
const QUIESCE_MS = 300 + latencyMs * 5;

// --- Output helpers -----------------------------------------------------------------------------
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const mib = (bytes: number) => bytes / 2 ** 20;
const log = (message: string) => console.log(`bench: ${message}`);
const percentile = (sorted: Float64Array, q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
const notes: string[] = [];

// --- Machine ------------------------------------------------------------------------------------
const versionOf = (name: string): string => {
  try {
    return (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return 'not installed';
  }
};
const cpuList = cpus();
const machine = {
  cpu: cpuList[0]?.model.trim() ?? 'unknown CPU',
  cores: cpuList.length,
  totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  platform: platform(),
  node: process.version,
};
const versions = Object.fromEntries(
  ['@apollo/server', '@apollo/datasource-rest', 'fastify', 'got', 'graphql', 'autocannon'].map((name) => [
    name,
    versionOf(name),
  ]),
);
log(
  `${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB; node ${machine.node}; ` +
    Object.entries(versions)
      .map(([n, v]) => `${n} ${v}`)
      .join(', '),
);
log(
  `latency ${latencyMs} ms, connections ${connectionCounts.join(',')}, ${durationS} s runs after ${warmupS} s warm-ups` +
    (Object.keys(extraEnv).length > 0 ? `, gateway env ${JSON.stringify(extraEnv)}` : ''),
);
if (machine.cores <= 4) {
  notes.push(
    `The machine has ${machine.cores} cores, shared by the load generator, the gateway and the Sandbox (and the reference process): CPU contention raises latency at the higher connection counts, for the gateway more than for the reference (three busy processes instead of two).`,
  );
}

// --- Processes ----------------------------------------------------------------------------------
const tempDir = mkdtempSync(join(tmpdir(), 'selfcare-bench-'));
const keyFile = join(tempDir, 'jwk.json');
const running = new Set<Started>();
/** Set once the benchmark stops its processes: an exit before that is reported. */
let finished = false;
const stopAll = async () => {
  finished = true;
  await Promise.all([...running].map((p) => p.stop()));
  jwksServer.close();
  rmSync(tempDir, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  void stopAll().then(() => process.exit(130));
});

const auth = loadConfig({ ...extraEnv, AUTH_DEV_KEY_FILE: keyFile }).gateway.auth;
const devKey = await loadDevKey(keyFile);
const authorization = `Bearer ${await signDevToken(devKey, auth, { agent: 'bench' }, '12h')}`;
// The gateway runs as deployments do (NODE_ENV=production): its keys come from this JWKS.
const jwksServer = await serveJwks(devKey);
const jwksUrl = jwksServer.url;

log('starting the Sandbox (src/sandbox/main.ts)');
const sandboxProcess = await startProcess(
  'sandbox',
  'src/sandbox/main.ts',
  cleanEnv({ ...extraEnv, SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: String(latencyMs) }),
  /REST API at (http\S+\{country\})/,
);
running.add(sandboxProcess);
sandboxProcess.child.once('exit', (code, signal) => {
  if (finished) return;
  log(`the Sandbox exited during the benchmark (${code ?? signal}); its last output:`);
  for (const text of sandboxProcess.laterLines.slice(-10)) log(`  sandbox: ${text}`);
});
const upstreamUrl = sandboxProcess.match[1] as string;
const sandboxPid = sandboxProcess.child.pid;
const sandbox = new SandboxControl(new URL(upstreamUrl.replace('{country}', 'hn')).origin);
const basePath = new URL(upstreamUrl.replace('{country}', 'x')).pathname.replace(/\/x$/, '');
const health = (await (await fetch(`${sandbox.origin}/__sandbox/health`)).json()) as { subscribers: number };
const demo = await sandbox.demo();
const line = demo.active ?? fail('the Sandbox lists no active demo line at /__sandbox/demo');
const faults = (await sandbox.faults()) as { latencyMs?: number };
log(
  `Sandbox at ${sandbox.origin} (${health.subscribers} subscribers, faults ${JSON.stringify(faults)}); active demo line ${line.country} ${line.msisdn}`,
);
if (faults.latencyMs !== latencyMs)
  fail(`the Sandbox reports latencyMs ${faults.latencyMs}, not ${latencyMs}`);

// --- Scenarios ----------------------------------------------------------------------------------
const dashboardText = readFileSync(join(ROOT, 'operations/Dashboard.graphql'), 'utf8');

/** The dashboard with its `subscriber` field asked twice, as `a:` and `b:`. */
function twiceUnderAliases(text: string): string {
  const document = parse(text);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as
    | OperationDefinitionNode
    | undefined;
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!operation || !field) fail('operations/Dashboard.graphql has no operation with a field');
  const aliased = (alias: string): FieldNode => ({ ...field, alias: { kind: Kind.NAME, value: alias } });
  return print({
    ...document,
    definitions: [
      {
        ...operation,
        name: { kind: Kind.NAME, value: 'DashboardTwice' },
        selectionSet: { ...operation.selectionSet, selections: [aliased('a'), aliased('b')] },
      },
    ],
  });
}

const MUTATION = `mutation BenchUpdateStatus($msisdn: MSISDN!, $country: Country) {
  updateStatus(input: { msisdn: $msisdn, country: $country, code: ACTIVE, assetType: SIM_IMEI }) {
    response
    message
    status { code assetType }
  }
}`;

interface Scenario {
  name: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  graphql: boolean;
}

const variables = { msisdn: line.msisdn, country: line.country.toUpperCase() };
const graphqlScenario = (name: string, label: string, query: string): Scenario => ({
  name,
  label,
  method: 'POST',
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
  graphql: true,
});
const SCENARIOS: Record<string, Scenario> = {
  dashboard: graphqlScenario('dashboard', 'dashboard (cache off)', dashboardText),
  'dashboard-aliases': graphqlScenario(
    'dashboard-aliases',
    'dashboard, line twice under aliases (cache off)',
    twiceUnderAliases(dashboardText),
  ),
  'dashboard-cached': graphqlScenario('dashboard-cached', 'dashboard (cache on)', dashboardText),
  'peer-dashboard': graphqlScenario(
    'peer-dashboard',
    'peer: dashboard (Apollo + RESTDataSource)',
    dashboardText,
  ),
  mutation: graphqlScenario('mutation', 'mutation updateStatus ACTIVE/SIM_IMEI', MUTATION),
  'rest-status': {
    name: 'rest-status',
    label: 'REST GET status',
    method: 'GET',
    path: `${basePath}/${line.country}/billing/subscribers/${line.msisdn}/status`,
    graphql: false,
  },
};

const GATEWAYS: Spec[] = [
  { name: 'cache-off', env: { CACHE: 'false' }, scenarios: ['dashboard', 'dashboard-aliases'] },
  { name: 'cache-on', env: { CACHE: 'true' }, scenarios: ['dashboard-cached', 'mutation', 'rest-status'] },
];

/** Sends one request of the scenario; null when it is a 2xx whose body is JSON without `errors`. */
async function check(url: string, scenario: Scenario): Promise<string | null> {
  return (await ask(url, scenario)).failure;
}

/** One request of the scenario: what is wrong with its answer (null when nothing), and its `data`. */
async function ask(url: string, scenario: Scenario): Promise<{ failure: string | null; data?: unknown }> {
  const failed = (failure: string) => ({ failure });
  try {
    const res = await fetch(`${url}${scenario.path}`, {
      method: scenario.method,
      headers: { authorization, ...(scenario.body && { 'content-type': 'application/json' }) },
      body: scenario.body,
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) return failed(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    const json = JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    if (!scenario.graphql) return { failure: null, data: json };
    if (json.errors && json.errors.length > 0)
      return failed(`errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
    if (!json.data || Object.values(json.data).some((v) => v === null))
      return failed(`null data: ${text.slice(0, 300)}`);
    return { failure: null, data: json.data };
  } catch (error) {
    return failed((error as Error).message);
  }
}

interface Cannonade {
  result: CannonResult;
  latencies: number[];
  elapsedMs: number;
  stopped: boolean;
}

/** One autocannon run; latencies are taken from its 'response' events (float ms). */
function cannon(url: string, scenario: Scenario, options: Partial<CannonOptions>): Promise<Cannonade> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let stopped = false;
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${url}${scenario.path}`,
        method: scenario.method,
        headers: { authorization, ...(scenario.body && { 'content-type': 'application/json' }) },
        body: scenario.body,
        pipelining: 1,
        timeout: 10,
        renderProgressBar: false,
        renderResultsTable: false,
        renderLatencyTable: false,
        ...options,
      },
      (error, result) => {
        clearTimeout(guard);
        if (error) reject(error);
        else resolve({ result, latencies, elapsedMs: performance.now() - started, stopped });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
    const guard = setTimeout(() => {
      stopped = true;
      instance.stop();
    }, RUN_LIMIT_MS);
  });
}

interface LiveGateway {
  name: string;
  url: string;
  process: Started & { match: RegExpExecArray };
  /** Its CPU, RSS and errors so far: the gateway's /metrics, the peer's /proc. */
  sample: () => Promise<GatewaySample>;
  sampler: RssSampler;
  /** CPU one sample costs the process (a /metrics scrape; 0 for /proc). */
  scrapeCpuMs: number;
}

/** Cores' worth of CPU that processes other than the benchmark's used during a run (null off Linux). */
function otherCores(
  busy: [number | null, number | null],
  first: [number | null, number | null],
  second: [number | null, number | null],
  ownMs: number,
  elapsedMs: number,
): number | null {
  const delta = ([a, b]: [number | null, number | null]) => (a === null || b === null ? null : b - a);
  const all = delta(busy);
  const one = delta(first);
  const two = delta(second);
  if (all === null || one === null || two === null) return null;
  return Math.max(0, all - one - two - ownMs) / elapsedMs;
}

async function measure(gateway: LiveGateway, scenario: Scenario, connections: number): Promise<GatewayRun> {
  // Warm-up at this connection count; its rate sizes the run.
  const warm = await cannon(gateway.url, scenario, { connections, duration: warmupS });
  const warmRate = warm.latencies.length / (warm.elapsedMs / 1000);
  await sleep(QUIESCE_MS);
  const amount = Math.max(connections * 20, Math.round(warmRate * durationS));

  await sandbox.resetStats();
  const before: GatewaySample = await gateway.sample();
  const scrapesBefore = gateway.sampler.scrapes;
  const sandboxCpuBefore = procCpuMs(sandboxPid);
  const gatewayCpuBefore = procCpuMs(gateway.process.child.pid);
  const busyBefore = machineBusyMs();
  const harnessCpu = process.cpuUsage();
  const run = await cannon(gateway.url, scenario, { connections, amount });
  const harness = process.cpuUsage(harnessCpu);
  const busyAfter = machineBusyMs();
  const gatewayCpuAfter = procCpuMs(gateway.process.child.pid);
  const sandboxCpuAfter = procCpuMs(sandboxPid);
  const after: GatewaySample = await gateway.sample();
  // The scrapes made between the two reads, plus the rest of the first one.
  const scrapes = gateway.sampler.scrapes - scrapesBefore + 1;
  const stats = await sandbox.stats();
  const checkFailure = await check(gateway.url, scenario);
  if (run.stopped)
    notes.push(`${scenario.label} at ${connections} connections was stopped after ${RUN_LIMIT_MS / 1000} s.`);

  const { result } = run;
  const requests = run.latencies.length;
  const sorted = Float64Array.from(run.latencies).sort();
  const cpuMs = (after.cpuSeconds - before.cpuSeconds) * 1000;
  const peakRss = Math.max(before.rssBytes, after.rssBytes, gateway.sampler.peakSince(before.at));
  const gatewayErrors = after.errors - before.errors;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const errors = result.errors + result.timeouts + gatewayErrors + (checkFailure ? 1 : 0);
  return {
    scenario: scenario.name,
    gateway: gateway.name,
    connections,
    requests,
    warmupRequests: warm.latencies.length,
    durationS: run.elapsedMs / 1000,
    reqPerSec: requests / (run.elapsedMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    autocannonP50Ms: result.latency.p50,
    autocannonP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    statusCodes,
    transportErrors: result.errors,
    timeouts: result.timeouts,
    gatewayErrors,
    checkFailure,
    errors,
    upstreamCalls: stats.total,
    upstreamCallsPerRequest: stats.total / requests,
    upstreamOperations: stats.operations,
    cpuMsPerRequest: (cpuMs - scrapes * gateway.scrapeCpuMs) / requests,
    cpuMsPerRequestRaw: cpuMs / requests,
    metricsScrapes: scrapes,
    cpuMsPerRequestProc:
      gatewayCpuBefore === null || gatewayCpuAfter === null
        ? null
        : (gatewayCpuAfter - gatewayCpuBefore) / requests,
    loadGeneratorCpuMsPerRequest: (harness.user + harness.system) / 1000 / requests,
    otherCpuCores: otherCores(
      [busyBefore, busyAfter],
      [gatewayCpuBefore, gatewayCpuAfter],
      [sandboxCpuBefore, sandboxCpuAfter],
      (harness.user + harness.system) / 1000,
      run.elapsedMs,
    ),
    sandboxCpuMsPerRequest:
      sandboxCpuBefore === null || sandboxCpuAfter === null
        ? null
        : (sandboxCpuAfter - sandboxCpuBefore) / requests,
    peakRssMiB: mib(peakRss),
  };
}

const showRun = (r: GatewayRun | ReferenceRun, label: string) =>
  log(
    `${label} × ${r.connections}: ${r.requests} requests, ${f1(r.reqPerSec)} req/s, p50 ${f2(r.p50Ms)} ms, p99 ${f2(r.p99Ms)} ms, ` +
      `${f2(r.upstreamCallsPerRequest)} upstream calls/req, CPU ${f2(r.cpuMsPerRequest)} ms/req` +
      ('peakRssMiB' in r ? `, peak RSS ${f1(r.peakRssMiB)} MiB` : '') +
      `, errors ${r.errors}, non-2xx ${r.non2xx}` +
      (r.otherCpuCores !== null ? `; other processes ${f2(r.otherCpuCores)} cores` : '') +
      ('checkFailure' in r && r.checkFailure ? ` (check: ${r.checkFailure})` : '') +
      ('firstError' in r && r.firstError ? ` (first: ${r.firstError})` : ''),
  );

// --- The reference ------------------------------------------------------------------------------
const maxSockets = Number(extraEnv.UPSTREAM_MAX_SOCKETS ?? loadConfig({}).gateway.upstreamMaxSockets);

async function reference(connections: number): Promise<ReferenceRun> {
  await sandbox.resetStats();
  const params: ReferenceArgs = {
    base: upstreamUrl.replace('{country}', line.country),
    msisdn: line.msisdn,
    connections,
    durationS,
    warmupS,
    jitWarmupS: 2 * warmupS,
    jitWarmupConnections: Math.max(...connectionCounts),
    maxSockets,
  };
  const child = spawn(process.execPath, [join(ROOT, 'scripts/bench/reference.ts'), JSON.stringify(params)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let sandboxCpuStart: number | null = null;
  let sandboxCpuEnd: number | null = null;
  let busyStart: number | null = null;
  let busyEnd: number | null = null;
  let childCpuStart: number | null = null;
  let childCpuEnd: number | null = null;
  let result: ReferenceResult | undefined;
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const lines = out.split('\n');
    out = lines.pop() ?? '';
    for (const text of lines) {
      const message = JSON.parse(text) as { event: string };
      if (message.event === 'measuring') {
        sandboxCpuStart = procCpuMs(sandboxPid);
        childCpuStart = procCpuMs(child.pid);
        busyStart = machineBusyMs();
      }
      if (message.event === 'result') {
        sandboxCpuEnd = procCpuMs(sandboxPid);
        childCpuEnd = procCpuMs(child.pid);
        busyEnd = machineBusyMs();
        result = message as ReferenceResult;
      }
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (!result) throw new Error(`the reference process exited ${code} without a result`);
  const r: ReferenceResult = result;
  const stats = await sandbox.stats();
  const all = r.warmupRequests + r.requests;
  const start = sandboxCpuStart as number | null;
  const end = sandboxCpuEnd as number | null;
  return {
    scenario: 'reference',
    connections,
    requests: r.requests,
    warmupRequests: r.warmupRequests,
    durationS: r.elapsedMs / 1000,
    reqPerSec: r.reqPerSec,
    p50Ms: r.p50Ms,
    p90Ms: r.p90Ms,
    p99Ms: r.p99Ms,
    maxMs: r.maxMs,
    non2xx: r.non2xx,
    errors: r.errors,
    firstError: r.firstError,
    cpuMsPerRequest: r.cpuMsPerRequest,
    sandboxCpuMsPerRequest: start === null || end === null ? null : (end - start) / r.requests,
    upstreamCallsPerRequest: stats.total / all,
    upstreamOperations: stats.operations,
    maxSockets,
    sockets: r.sockets,
    otherCpuCores: otherCores(
      [busyStart as number | null, busyEnd as number | null],
      [childCpuStart as number | null, childCpuEnd as number | null],
      [start, end],
      0,
      r.elapsedMs,
    ),
  };
}

// --- Run ----------------------------------------------------------------------------------------
const referenceRuns: ReferenceRun[] = [];
const gatewayRuns: GatewayRun[] = [];
const gatewayInfos: GatewayInfo[] = [];
interface Spec {
  name: string;
  env: Record<string, string>;
  scenarios: string[];
}
const PEER: Spec = { name: 'peer', env: {}, scenarios: ['peer-dashboard'] };

/** Starts the gateway with the spec's settings (or the peer), and measures what one sample costs it. */
async function startGateway(
  spec: Spec,
): Promise<LiveGateway & { env: Record<string, string>; atStart: GatewaySample; banner: number }> {
  const peer = spec === PEER;
  const env = peer
    ? { NODE_ENV: 'production', PORT: '0', UPSTREAM_URL: upstreamUrl }
    : {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000',
        NODE_ENV: 'production',
        AUTH_JWKS_URL: jwksUrl,
        AUTH_ISSUER: auth.issuer,
        AUTH_AUDIENCE: auth.audience,
        ...extraEnv,
        ...spec.env,
        UPSTREAM_URL: upstreamUrl,
      };
  const entry = peer ? 'scripts/bench/peer/main.ts' : 'src/main.ts';
  log(`starting ${peer ? 'the peer' : 'the gateway'} (${entry}) ${spec.name}: ${JSON.stringify(env)}`);
  const started = await startProcess(
    peer ? 'peer' : 'gateway',
    entry,
    // The gateway as `npm start` runs it (its compile cache); the peer as a team would, with node's defaults.
    cleanEnv(peer ? env : { ...env, NODE_COMPILE_CACHE: join(ROOT, COMPILE_CACHE) }),
    /GraphQL at (http\S+?)\/graphql/,
    peer ? [] : V8_FLAGS,
  );
  running.add(started);
  const url = started.match[1] as string;
  const pid = started.child.pid;
  const sample = peer
    ? () => procSample(pid, () => started.laterLines.filter((l) => l.startsWith('peer: error')).length)
    : () => scrape(url);
  const atStart = await sample();
  let scrapeCpuMs = 0;
  if (!peer) {
    // What one /metrics scrape costs the gateway, to take the sampler's own cost out of CPU per request.
    for (let i = 0; i < 10; i++) await scrape(url);
    const first = await scrape(url);
    for (let i = 0; i < 39; i++) await scrape(url);
    const last = await scrape(url);
    scrapeCpuMs = ((last.cpuSeconds - first.cpuSeconds) * 1000) / 40;
  }
  // What it printed so far is its start-up banner; what comes later is its log.
  const banner = started.laterLines.length;
  const sampler = new RssSampler(sample, 250);
  log(
    `${spec.name} at ${url}: RSS ${f1(mib(atStart.rssBytes))} MiB at start` +
      (peer ? '' : `; a /metrics scrape costs it ${f2(scrapeCpuMs)} ms of CPU`),
  );
  return { name: spec.name, url, process: started, sample, sampler, scrapeCpuMs, env, atStart, banner };
}

/** The gateway's scenarios, one after the other; then it is stopped and described. */
async function runGateway(spec: Spec, gateway: Awaited<ReturnType<typeof startGateway>>): Promise<void> {
  const started = gateway.process;
  gateway.sampler.start();
  for (const name of spec.scenarios) {
    const scenario = SCENARIOS[name] as Scenario;
    const firstCheck = await check(gateway.url, scenario);
    if (firstCheck) log(`WARNING: ${scenario.label} fails before the run: ${firstCheck}`);
    // A warm-up of the scenario at the highest connection count, so the runs at low counts too
    // measure code V8 has optimised (a run's own warm-up at 1 connection is a few hundred requests).
    await cannon(gateway.url, scenario, {
      connections: Math.max(...connectionCounts),
      duration: 2 * warmupS,
    });
    await sleep(QUIESCE_MS);
    for (const connections of connectionCounts) {
      const seen = started.laterLines.length;
      const run = await measure(gateway, scenario, connections);
      gatewayRuns.push(run);
      showRun(run, scenario.label);
      for (const text of started.laterLines.slice(seen, seen + 3))
        log(`  ${spec.name} log: ${text.slice(0, 300)}`);
    }
  }
  gateway.sampler.stop();
  const vmHwm = procPeakRss(started.child.pid);
  // Its log while it ran (what it prints when it stops is not counted).
  const warnLines = started.laterLines
    .slice(gateway.banner)
    .filter((l) => /"level":\s*[4-6]\d/.test(l) || !l.startsWith('{'));
  const exitCode = await started.stop();
  running.delete(started);
  gatewayInfos.push({
    name: spec.name,
    env: gateway.env,
    scenarios: spec.scenarios,
    rssAtStartMiB: mib(gateway.atStart.rssBytes),
    peakRssMiB: mib(Math.max(gateway.atStart.rssBytes, gateway.sampler.peak())),
    vmHwmMiB: vmHwm === null ? null : mib(vmHwm),
    scrapeCpuMs: gateway.scrapeCpuMs,
    logLines: warnLines.length,
    firstLogLines: warnLines.slice(0, 5).map((l) => l.slice(0, 500)),
    exitCode,
  });
  if (gateway.sampler.failures > 0) notes.push(`${gateway.sampler.failures} samples of ${spec.name} failed.`);
  log(
    `${spec.name} stopped (exit ${exitCode}); peak RSS sampled ${f1(mib(gateway.sampler.peak()))} MiB, VmHWM ${vmHwm === null ? 'n/a' : f1(mib(vmHwm))} MiB; ${warnLines.length} log lines at warn or above`,
  );
}

try {
  const first = GATEWAYS[0] as Spec;
  // `npm start` from its second start on finds its compile cache filled with the code as it is: one
  // unmeasured start first, so that no measured start compiles a file changed since the last one.
  log(`filling the compile cache (${COMPILE_CACHE}) with one start of the gateway`);
  const filling = await startGateway(first);
  await filling.process.stop();
  running.delete(filling.process);
  // First: the peer and the gateway answer the dashboard with the same data and no error.
  const peer = await startGateway(PEER);
  const gateway = await startGateway(first);
  const fromPeer = await ask(peer.url, SCENARIOS['peer-dashboard'] as Scenario);
  const fromGateway = await ask(gateway.url, SCENARIOS.dashboard as Scenario);
  const peerCheck =
    fromPeer.failure !== null
      ? `the peer's dashboard fails: ${fromPeer.failure}`
      : fromGateway.failure !== null
        ? `the gateway's dashboard fails: ${fromGateway.failure}`
        : isDeepStrictEqual(fromPeer.data, fromGateway.data)
          ? null
          : `the peer's dashboard data differ from the gateway's:\n  peer    ${JSON.stringify(fromPeer.data).slice(0, 600)}\n  gateway ${JSON.stringify(fromGateway.data).slice(0, 600)}`;
  if (peerCheck) throw new Error(peerCheck);
  log("the peer's dashboard answer is the gateway's (same data, no errors)");

  log(`reference: the six GETs of the dashboard straight to the Sandbox (keep-alive, ${maxSockets} sockets)`);
  for (const connections of connectionCounts) {
    const r = await reference(connections);
    referenceRuns.push(r);
    showRun(r, 'reference');
  }
  await runGateway(PEER, peer);
  await runGateway(first, gateway);
  for (const spec of GATEWAYS.slice(1)) await runGateway(spec, await startGateway(spec));
} finally {
  await stopAll();
}

// --- Targets ------------------------------------------------------------------------------------
const runOf = (scenario: string, connections: number) =>
  gatewayRuns.find((r) => r.scenario === scenario && r.connections === connections);
const refOf = (connections: number) => referenceRuns.find((r) => r.connections === connections);
const lowest = Math.min(...connectionCounts);
const targets: Target[] = [];

{
  const gw = runOf('dashboard', lowest);
  const ref = refOf(lowest);
  const delta = (gw?.p50Ms ?? Number.NaN) - (ref?.p50Ms ?? Number.NaN);
  targets.push({
    name: `issue 13 target 4 (latency): dashboard p50 at ${lowest} connection${lowest === 1 ? '' : 's'} within 1 ms of the reference's`,
    target: '≤ reference p50 + 1 ms',
    value: `${f2(gw?.p50Ms ?? Number.NaN)} ms vs ${f2(ref?.p50Ms ?? Number.NaN)} ms (+${f2(delta)} ms)`,
    met: delta <= 1,
  });
}
{
  const rows = connectionCounts.map((c) => ({ c, gw: runOf('dashboard', c), ref: refOf(c) }));
  const cpu = rows.map(({ gw }) => gw?.cpuMsPerRequest ?? Number.NaN);
  targets.push({
    name: 'gateway CPU per dashboard request ≤ 1.0 ms',
    target: '≤ 1.0 ms at every connection count',
    value: rows.map(({ c }, i) => `${f2(cpu[i] as number)} ms @${c}`).join(', '),
    met: cpu.every((v) => v <= 1.0),
  });
  const ratios = rows.map(
    ({ gw, ref }) => (gw?.cpuMsPerRequest ?? Number.NaN) / (ref?.cpuMsPerRequest ?? Number.NaN),
  );
  targets.push({
    name: "gateway CPU per dashboard request ≤ 2× the reference's",
    target: '≤ 2.0× at every connection count',
    value: rows
      .map(
        ({ c, ref }, i) =>
          `${f2(ratios[i] as number)}× @${c} (${f2(cpu[i] as number)} vs ${f2(ref?.cpuMsPerRequest ?? Number.NaN)} ms)`,
      )
      .join(', '),
    met: ratios.every((v) => v <= 2),
  });
}
for (const scenario of ['dashboard', 'dashboard-aliases']) {
  const rows = connectionCounts.map((c) => runOf(scenario, c));
  targets.push({
    name: `upstream calls per request exactly 6: ${SCENARIOS[scenario]?.label}`,
    target: '6 at every connection count',
    value: rows
      .map((r, i) => `${r ? f2(r.upstreamCallsPerRequest) : 'n/a'} @${connectionCounts[i]}`)
      .join(', '),
    met: rows.every((r) => r !== undefined && r.upstreamCalls === 6 * r.requests),
  });
}
{
  const gateways = gatewayInfos.filter((g) => g.name !== PEER.name);
  const peak = Math.max(...gateways.map((g) => g.peakRssMiB));
  targets.push({
    name: 'gateway peak RSS under load ≤ 150 MiB',
    target: '≤ 150 MiB',
    value: `${f1(peak)} MiB (${gateways.map((g) => `${g.name} ${f1(g.peakRssMiB)}`).join(', ')})`,
    met: peak <= 150,
  });
}
{
  const bad = gatewayRuns.filter((r) => r.errors > 0 || r.non2xx > 0);
  targets.push({
    name: 'no error and no non-2xx at any load level',
    target: '0 errors, 0 non-2xx',
    value:
      bad.length === 0
        ? `0 in ${gatewayRuns.reduce((n, r) => n + r.requests, 0)} requests`
        : bad
            .map((r) => `${r.scenario} @${r.connections}: ${r.errors} errors, ${r.non2xx} non-2xx`)
            .join('; '),
    met: bad.length === 0,
  });
}

// Issue 13: the gateway beside the peer, in this run.
const peerOf = (connections: number) => runOf('peer-dashboard', connections);
const versusPeer: PeerComparison[] = connectionCounts.map((c) => {
  const gw = runOf('dashboard', c);
  const peer = peerOf(c);
  const pair = (get: (r: GatewayRun) => number) => {
    const g = gw ? get(gw) : Number.NaN;
    const p = peer ? get(peer) : Number.NaN;
    return [g, p, g / p] as const;
  };
  const [gatewayReqPerSec, peerReqPerSec, reqPerSecRatio] = pair((r) => r.reqPerSec);
  const [gatewayCpuMsPerRequest, peerCpuMsPerRequest, cpuRatio] = pair((r) => r.cpuMsPerRequest);
  const [gatewayP50Ms, peerP50Ms, p50Ratio] = pair((r) => r.p50Ms);
  const [gatewayPeakRssMiB, peerPeakRssMiB, rssRatio] = pair((r) => r.peakRssMiB);
  return {
    connections: c,
    gatewayReqPerSec,
    peerReqPerSec,
    reqPerSecRatio,
    gatewayCpuMsPerRequest,
    peerCpuMsPerRequest,
    cpuRatio,
    gatewayP50Ms,
    peerP50Ms,
    p50Ratio,
    gatewayPeakRssMiB,
    peerPeakRssMiB,
    rssRatio,
  };
});
const highest = Math.max(...connectionCounts);
{
  const at50 = versusPeer.find((v) => v.connections === 50);
  targets.push({
    name: 'issue 13 target 2 (throughput): dashboard req/s at 50 connections ≥ 1.5× the peer’s',
    target: '≥ 1.50× at 50 connections',
    value:
      versusPeer
        .map(
          (v) =>
            `${f2(v.reqPerSecRatio)}× @${v.connections} (${f1(v.gatewayReqPerSec)} vs ${f1(v.peerReqPerSec)} req/s)`,
        )
        .join(', ') + (at50 ? '' : '; no run at 50 connections'),
    met: at50 !== undefined && at50.reqPerSecRatio >= 1.5,
  });
  targets.push({
    name: 'issue 13 target 3 (CPU): gateway CPU per dashboard request ≤ 0.67× the peer’s',
    target: '≤ 0.67× at every connection count',
    value: versusPeer
      .map(
        (v) =>
          `${f2(v.cpuRatio)}× @${v.connections} (${f2(v.gatewayCpuMsPerRequest)} vs ${f2(v.peerCpuMsPerRequest)} ms)`,
      )
      .join(', '),
    met: versusPeer.every((v) => v.cpuRatio <= 0.67),
  });
  const gatewayProcesses = gatewayInfos.filter((g) => g.name !== PEER.name);
  const atStart = Math.max(...gatewayProcesses.map((g) => g.rssAtStartMiB));
  const underLoad = Math.max(
    ...gatewayRuns
      .filter((r) => r.gateway !== PEER.name && r.connections === highest)
      .map((r) => r.peakRssMiB),
  );
  targets.push({
    name: `issue 13 target 5 (memory): gateway RSS ≤ 100 MiB after start, peak ≤ 200 MiB under the ${highest}-connection load`,
    target: '≤ 100 MiB at start, ≤ 200 MiB peak',
    value: `${f1(atStart)} MiB at start (${f2(atStart / 100)}×), ${f1(underLoad)} MiB peak at ${highest} connections (${f2(underLoad / 200)}×); peer ${f1(gatewayInfos.find((g) => g.name === PEER.name)?.rssAtStartMiB ?? Number.NaN)} MiB at start`,
    met: atStart <= 100 && underLoad <= 200 && highest >= 50,
  });
}

// Issue 13 target 6: the upstream HTTP path, measured by its micro-benchmark in its own process,
// after the load runs (their processes are stopped by now).
log(`the upstream HTTP path: scripts/bench/http-clients.ts${quick ? ' --quick' : ''}`);
const httpRun = spawnSync(
  process.execPath,
  [join(ROOT, 'scripts/bench/http-clients.ts'), '--json', ...(quick ? ['--quick'] : [])],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 },
);
let httpClients: HttpClientsResults | null = null;
try {
  httpClients = JSON.parse(httpRun.stdout.trim().split('\n').pop() ?? '') as HttpClientsResults;
} catch {
  notes.push(`The upstream HTTP path micro-benchmark failed (exit ${httpRun.status ?? httpRun.signal}).`);
}
{
  const of = (id: string) => httpClients?.results.find((r) => r.id === id)?.medianMs ?? Number.NaN;
  const whole = of('gateway-cache-off');
  targets.push({
    name: 'issue 13 target 6 (upstream HTTP path): ≤ 0.4 ms CPU per six-call fan-out (scripts/bench/http-clients.ts)',
    target: '≤ 0.40 ms, the gateway client with the cache off',
    value:
      `${f2(whole)} ms (${f2(whole / 0.4)}×) through createUpstreamClient; got as configured ${f2(of('got-today'))} ms, ` +
      `got tuned ${f2(of('got-tuned'))}, fetch ${f2(of('fetch'))}, undici ${f2(of('undici'))}, node:http ${f2(of('node-http'))} ms (medians)`,
    met: whole <= 0.4,
  });
}

// --- Checks and notes ---------------------------------------------------------------------------
const refOps = Object.keys(referenceRuns[0]?.upstreamOperations ?? {}).sort();
const dashOps = Object.keys(runOf('dashboard', lowest)?.upstreamOperations ?? {}).sort();
if (refOps.join() !== dashOps.join())
  notes.push(`The reference reads ${refOps.join(', ')}; the dashboard reads ${dashOps.join(', ')}.`);
const cached = connectionCounts.map((c) => runOf('dashboard-cached', c)).filter((r) => r !== undefined);
if (cached.length > 0)
  notes.push(
    `With the cache on the dashboard made ${cached.map((r) => f2(r.upstreamCallsPerRequest)).join(' / ')} upstream calls per request (${Object.entries(
      cached[cached.length - 1]?.upstreamOperations ?? {},
    )
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')} in the last run): the offers catalog is public, max-age=300.`,
  );
for (const r of referenceRuns)
  if (r.errors > 0 || r.non2xx > 0)
    notes.push(
      `The reference at ${r.connections} connections had ${r.errors} errors and ${r.non2xx} non-2xx (${r.firstError}).`,
    );
const noisy = [...referenceRuns, ...gatewayRuns].filter((r) => (r.otherCpuCores ?? 0) > 0.1);
if (noisy.length > 0)
  notes.push(
    `Processes outside the benchmark used CPU during ${noisy.length} run(s) (in cores' worth, from /proc/stat): ${noisy
      .map((r) => `${r.scenario} @${r.connections} ${f2(r.otherCpuCores ?? 0)}`)
      .join(', ')}. Those runs' latency and throughput are less reliable.`,
  );
for (const g of gatewayInfos)
  if (g.logLines > 0)
    notes.push(`Gateway ${g.name} logged ${g.logLines} lines at warn or above, e.g. ${g.firstLogLines[0]}`);

const results: BenchResults = {
  date: new Date().toISOString(),
  command,
  quick,
  options: {
    latencyMs,
    connections: connectionCounts,
    durationS,
    warmupS,
    extraEnv,
    subscribers: health.subscribers,
  },
  machine,
  versions,
  demoLine: line,
  gateways: gatewayInfos,
  runs: gatewayRuns,
  reference: referenceRuns,
  peerCheck: "the peer's dashboard data equal the gateway's, without errors",
  versusPeer,
  httpClients,
  targets,
  notes,
};

writeReport(join(ROOT, 'docs'), results);
for (const t of targets) log(`target ${t.met ? 'MET    ' : 'NOT MET'} ${t.name}: ${t.value}`);
for (const n of notes) log(`note: ${n}`);
log('wrote docs/benchmarks.md, docs/benchmarks.json, docs/benchmarks.svg');

const failedRequests = gatewayRuns.filter((r) => r.errors > 0 || r.non2xx > 0).length;
const dash = runOf('dashboard', lowest);
const ref = refOf(lowest);
const peak = Math.max(...gatewayInfos.filter((g) => g.name !== PEER.name).map((g) => g.peakRssMiB));
console.log(
  `bench ${quick ? '(quick) ' : ''}done: ${gatewayRuns.length} gateway runs + ${referenceRuns.length} reference runs; ` +
    `dashboard @${lowest}: p50 ${f2(dash?.p50Ms ?? Number.NaN)} ms (reference ${f2(ref?.p50Ms ?? Number.NaN)} ms), ` +
    `CPU ${f2(dash?.cpuMsPerRequest ?? Number.NaN)} ms/req (reference ${f2(ref?.cpuMsPerRequest ?? Number.NaN)}), ` +
    `upstream ${f2(dash?.upstreamCallsPerRequest ?? Number.NaN)}/req; peak RSS ${f1(peak)} MiB; ` +
    `${failedRequests} runs with failures; targets met ${targets.filter((t) => t.met).length}/${targets.length}`,
);
process.exitCode = failedRequests > 0 ? 1 : 0;
