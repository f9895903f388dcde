/**
 * A soak under load with faults: a gateway process over an in-process sandbox whose faults change
 * every 30 s (500s, lost connections, garbage, answers slower than the gateway's timeout), loaded by
 * concurrent clients (the dashboard query, a REST read, a mutation with an Idempotency-Key).
 * Reports requests, HTTP statuses, GraphQL error codes, and the gateway's RSS at start and end.
 *
 * Usage: npm run soak -- [--seconds 300] [--connections 16]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDevKey } from '../src/auth/keys.ts';
import { signDevToken } from '../src/auth/tokens.ts';
import { loadConfig } from '../src/config.ts';
import { BASE_PATH } from '../src/contract/requests.ts';
import { createSandbox } from '../src/sandbox/server.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '300' }, connections: { type: 'string', default: '16' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const root = new URL('..', import.meta.url).pathname;
const DASHBOARD = readFileSync(join(root, 'operations/Dashboard.graphql'), 'utf8');

const sandbox = createSandbox({ subscribers: 1000 });
const sandboxUrl = await sandbox.listen(0);
const keyFile = join(mkdtempSync(join(tmpdir(), 'soak-key-')), 'jwk.json');
const gateway = spawn(process.execPath, [join(root, 'src/main.ts')], {
  env: {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    UPSTREAM_URL: `${sandboxUrl}${BASE_PATH}/{country}`,
    UPSTREAM_TIMEOUT_MS: '250',
    RATE_LIMIT_MAX: '1000000',
    AUTH_DEV_KEY_FILE: keyFile,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  gateway.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = /GraphQL at (\S+)\/graphql/.exec(out);
    if (m) resolve(m[1] as string);
  });
  gateway.once('exit', (code) => reject(new Error(`gateway exited ${code}: ${out}`)));
});
const auth = loadConfig({ AUTH_DEV_KEY_FILE: keyFile }).gateway.auth;
const authorization = `Bearer ${await signDevToken(await loadDevKey(keyFile), auth, { agent: 'soak' }, '2h')}`;

const lines = (
  sandbox.db.prepare("SELECT msisdn FROM subscribers WHERE country = 'hn' LIMIT 200").all() as {
    msisdn: string;
  }[]
).map((r) => r.msisdn);
const pick = () => lines[Math.floor(Math.random() * lines.length)] as string;

/** The gateway's resident set and V8 heap in use, in MiB, from its own /metrics. */
const memory = async (): Promise<{ rss: number; heap: number }> => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0) / 2 ** 20;
  return { rss: read('process_resident_memory_bytes'), heap: read('nodejs_heap_size_used_bytes') };
};

const FAULTS = [
  { name: 'healthy', settings: {} },
  { name: '500s', settings: { latencyMs: 5, jitterMs: 10, errorRate: 0.05, kind: 'error' } },
  { name: 'resets', settings: { latencyMs: 5, jitterMs: 10, errorRate: 0.05, kind: 'reset' } },
  { name: 'garbage', settings: { latencyMs: 5, errorRate: 0.05, kind: 'garbage' } },
  { name: 'slow lease', settings: { operations: { GetPhoneLeaseDetailsbyMSISDN: { latencyMs: 400 } } } },
  {
    name: 'down favorites',
    settings: { operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1, kind: 'reset' } } },
  },
];
const setFaults = (settings: object) =>
  fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(settings),
  });

const statuses = new Map<string, number>();
const codes = new Map<string, number>();
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
let requests = 0;
let failures = 0;

async function one(): Promise<void> {
  const roll = Math.random();
  let res: Response;
  if (roll < 0.7) {
    res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: DASHBOARD, variables: { msisdn: pick() } }),
    });
  } else if (roll < 0.9) {
    res = await fetch(`${url}${BASE_PATH}/hn/billing/subscribers/${pick()}/status`, {
      headers: { authorization },
    });
  } else {
    const key = `soak-${Math.floor(Math.random() * 1e12)}`;
    const body = JSON.stringify({
      query: 'mutation ($m: MSISDN!) { purchaseOffer(input: { msisdn: $m, offerId: "104" }) { response } }',
      variables: { m: pick() },
    });
    const send = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'idempotency-key': key },
        body,
      });
    res = await send();
    await res.text();
    res = await send(); // the client's retry: replayed, never applied twice
  }
  requests++;
  bump(statuses, String(res.status));
  const text = await res.text();
  if (res.headers.get('content-type')?.includes('json')) {
    const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    for (const e of parsed.errors ?? []) bump(codes, e.extensions?.code ?? 'none');
  }
}

const start = await memory();
const started = Date.now();
const deadline = started + seconds * 1000;
let phase = 0;
const rotation = setInterval(() => {
  phase = (phase + 1) % FAULTS.length;
  void setFaults((FAULTS[phase] as (typeof FAULTS)[number]).settings);
  void memory().then(({ rss, heap }) =>
    console.log(
      `soak: ${Math.round((Date.now() - started) / 1000)} s, ${requests} requests, RSS ${rss.toFixed(0)} MiB, heap ${heap.toFixed(0)} MiB, faults now: ${FAULTS[phase]?.name}`,
    ),
  );
}, 30_000);
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (Date.now() < deadline) {
      try {
        await one();
      } catch {
        failures++;
      }
    }
  }),
);
clearInterval(rotation);
await setFaults({});
const end = await memory();
const alive = (await fetch(`${url}/health/live`)).status === 200;
gateway.kill('SIGTERM');
await new Promise((resolve) => gateway.once('exit', resolve));
await sandbox.close();

const show = (map: Map<string, number>) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
console.log(`soak: statuses: ${show(statuses)}`);
console.log(`soak: GraphQL error codes: ${show(codes) || 'none'}`);
console.log(
  `soak ${seconds} s at ${connections} connections: ${requests} requests (${Math.round(requests / seconds)}/s), ${failures} client failures, gateway alive: ${alive}, RSS ${start.rss.toFixed(1)} MiB at start, ${end.rss.toFixed(1)} MiB at end (V8 heap used ${start.heap.toFixed(1)} → ${end.heap.toFixed(1)} MiB)`,
);
process.exitCode = alive && failures === 0 ? 0 : 1;
