/**
 * `npm run bench:cpu-prof`: a CPU profile of the gateway under the dashboard load, summarised by package.
 * The Sandbox and the gateway as `npm run bench` runs them (NODE_ENV=production, a real token checked
 * against a local JWKS, CACHE=false), the gateway under `node --cpu-prof`; autocannon sends the
 * dashboard at --connections for a warm-up and then --duration seconds; the gateway is stopped (it
 * writes its profile as it exits) and the profile is summarised from the start of the measured load
 * (start-up and warm-up left out) by scripts/bench/profile-summary.ts.
 *
 * Usage: npm run bench:cpu-prof -- [--connections 10] [--duration 20] [--warmup 5] [--latency 10] [--dir DIR]
 * Keeps the .cpuprofile in DIR (default: a temporary directory, printed) to open in Chrome DevTools.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadDevKey } from '../../src/auth/keys.ts';
import { signDevToken } from '../../src/auth/tokens.ts';
import { loadConfig } from '../../src/config.ts';
import { V8_FLAGS } from '../../src/runtime.ts';
import { cleanEnv, ROOT, SandboxControl, serveJwks, startProcess } from './processes.ts';

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    latency: { type: 'string', default: '10' },
    dir: { type: 'string' },
  },
});
const positive = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`bench:cpu-prof: --${name} must be a positive number, not ${text}`);
    process.exit(2);
  }
  return n;
};
const connections = positive('connections', args.connections);
const durationS = positive('duration', args.duration);
const warmupS = positive('warmup', args.warmup);
const latency = args.latency;
if (!/^[0-9]+$/.test(latency)) {
  console.error(`bench:cpu-prof: --latency must be whole milliseconds, not ${latency}`);
  process.exit(2);
}
const log = (message: string) => console.log(`bench:cpu-prof: ${message}`);

const work = mkdtempSync(join(tmpdir(), 'selfcare-profile-'));
const dir = args.dir ?? join(work, 'profiles');
mkdirSync(dir, { recursive: true });
const keyFile = join(work, 'jwk.json');
const auth = loadConfig({ AUTH_DEV_KEY_FILE: keyFile }).gateway.auth;
const devKey = await loadDevKey(keyFile);
const authorization = `Bearer ${await signDevToken(devKey, auth, { agent: 'profile' }, '1h')}`;
const jwks = await serveJwks(devKey);

const sandbox = await startProcess(
  'sandbox',
  'src/sandbox/main.ts',
  cleanEnv({ SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: latency }),
  /REST API at (http\S+\{country\})/,
);
const upstreamUrl = sandbox.match[1] as string;
const line = (await new SandboxControl(new URL(upstreamUrl.replace('{country}', 'hn')).origin).demo()).active;
if (!line) throw new Error('the Sandbox lists no active demo line');
const spawned = performance.now();
const gateway = await startProcess(
  'gateway',
  'src/main.ts',
  cleanEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '1000000',
    NODE_ENV: 'production',
    AUTH_JWKS_URL: jwks.url,
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audience,
    CACHE: 'false',
    UPSTREAM_URL: upstreamUrl,
  }),
  /GraphQL at (http\S+?)\/graphql/,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...V8_FLAGS],
);
const url = `${gateway.match[1]}/graphql`;
log(`gateway at ${url} under --cpu-prof; the dashboard at ${connections} connections`);

const load = (seconds: number) =>
  autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({
      query: readFileSync(join(ROOT, 'operations/Dashboard.graphql'), 'utf8'),
      variables: { msisdn: line.msisdn, country: line.country.toUpperCase() },
    }),
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  });
let fromS = 0;
try {
  await load(warmupS);
  fromS = (performance.now() - spawned) / 1000;
  const result = await load(durationS);
  log(
    `${result.requests.total} requests, ${result.requests.average} req/s, ${result.non2xx} non-2xx, ${result.errors} errors`,
  );
} finally {
  await gateway.stop();
  await sandbox.stop();
  jwks.close();
}
const profiles = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => join(dir, f));
if (profiles.length === 0) throw new Error(`the gateway wrote no profile in ${dir}`);
log(`profile: ${profiles.join(', ')} (summarised from ${fromS.toFixed(1)} s after the gateway started)`);
spawnSync(
  process.execPath,
  [join(ROOT, 'scripts/bench/profile-summary.ts'), ...profiles, '--from-s', fromS.toFixed(1)],
  { stdio: 'inherit' },
);
if (!args.dir) log(`kept in ${dir}`);
rmSync(keyFile, { force: true });
