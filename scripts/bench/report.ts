// docs/benchmarks.md and docs/benchmarks.svg from the benchmark's results (hand-built SVG text).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults, GatewayRun, ReferenceRun } from './types.ts';

const SHORT: Record<string, string> = {
  reference: 'reference (6 GETs)',
  'peer-dashboard': 'peer: Apollo+RDS',
  dashboard: 'dashboard',
  'dashboard-aliases': 'dashboard ×2 aliases',
  'dashboard-cached': 'dashboard, cache on',
  mutation: 'mutation',
  'rest-status': 'REST GET status',
};
const LONG: Record<string, string> = {
  reference: 'reference: the six GETs straight to the Sandbox',
  'peer-dashboard': 'peer: Apollo Server 5 + RESTDataSource, dashboard',
  dashboard: 'dashboard (CACHE=false)',
  'dashboard-aliases': 'dashboard, line twice under aliases (CACHE=false)',
  'dashboard-cached': 'dashboard (cache on)',
  mutation: 'mutation updateStatus ACTIVE/SIM_IMEI',
  'rest-status': 'REST GET …/status',
};
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1'];

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'n/a');
const xml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

type Row = GatewayRun | ReferenceRun;

/** Scenarios in the order they are shown: the reference first, then the gateway's. */
function scenarios(results: BenchResults): string[] {
  const seen = ['reference'];
  for (const r of results.runs) if (!seen.includes(r.scenario)) seen.push(r.scenario);
  return seen;
}

function rowsOf(results: BenchResults): Row[] {
  return [...results.reference, ...results.runs];
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, versions, options } = results;
  const out: string[] = [];
  out.push('# Benchmarks');
  out.push('');
  out.push(
    `${results.quick ? '**A quick smoke run (`--quick`): short runs, not the reference numbers.** ' : ''}` +
      'The gateway under load against the Self Care Sandbox, each its own process, beside a peer (a plain Apollo Server 5 + ' +
      "`@apollo/datasource-rest` gateway over the same Sandbox) and a reference that sends the dashboard's six upstream " +
      'reads straight to the Sandbox. Written by `npm run bench` ' +
      '(`scripts/bench/main.ts`); every number is also in [benchmarks.json](benchmarks.json).',
  );
  out.push('');
  out.push(`- Date: ${results.date}`);
  out.push(`- Command: \`${results.command}\``);
  out.push(
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB memory, ${machine.platform}; Node ${machine.node}`,
  );
  out.push(
    `- Packages: ${Object.entries(versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
  );
  out.push(
    `- Sandbox: ${options.subscribers} subscribers in memory, SANDBOX_LATENCY_MS=${options.latencyMs} on every operation; ` +
      `line ${results.demoLine.country} ${results.demoLine.msisdn} (the active demo line)`,
  );
  out.push(
    `- Runs: ${options.connections.join(', ')} connections; each scenario first warms up for ${2 * options.warmupS} s at ` +
      `${Math.max(...options.connections)} connections, then each run is preceded by a ${options.warmupS} s warm-up at its ` +
      `connection count and lasts about ${options.durationS} s` +
      (Object.keys(options.extraEnv).length > 0
        ? `; extra gateway env ${JSON.stringify(options.extraEnv)}`
        : ''),
  );
  out.push(
    '- CPU, not wall time, is the figure to trust: the machine is shared (the "other CPU" column says by how much during each run), so req/s and latency move with what else runs.',
  );
  out.push('');
  out.push('![Latency (p50, p99) and throughput per scenario and connection count](benchmarks.svg)');
  out.push('');

  out.push('## Targets');
  out.push('');
  out.push('| target | wanted | measured | met |');
  out.push('| --- | --- | --- | --- |');
  for (const t of results.targets)
    out.push(`| ${t.name} | ${t.target} | ${t.value} | ${t.met ? '✅ met' : '❌ not met'} |`);
  out.push('');

  if (results.versusPeer.length > 0) {
    out.push('## The gateway beside the peer');
    out.push('');
    out.push(
      'The dashboard (gateway with CACHE=false) beside the peer, a plain Apollo Server 5 + `@apollo/datasource-rest` gateway ' +
        '(`scripts/bench/peer/`: a domain schema of the dashboard fields, resolvers calling a RESTDataSource made per request, ' +
        'no DataLoader, no auth, no HTTP cache between requests) over the same Sandbox, in the same run. Ratios are gateway ÷ peer. ' +
        `Check at the start: ${results.peerCheck}.`,
    );
    out.push('');
    out.push(
      '| conns | req/s gateway | req/s peer | ratio | CPU ms/req gateway | CPU ms/req peer | ratio | p50 ms gateway | p50 ms peer | ratio | peak RSS MiB gateway | peak RSS MiB peer | ratio |',
    );
    out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const v of results.versusPeer)
      out.push(
        `| ${v.connections} | ${int(v.gatewayReqPerSec)} | ${int(v.peerReqPerSec)} | ${f2(v.reqPerSecRatio)}× | ` +
          `${f2(v.gatewayCpuMsPerRequest)} | ${f2(v.peerCpuMsPerRequest)} | ${f2(v.cpuRatio)}× | ` +
          `${f2(v.gatewayP50Ms)} | ${f2(v.peerP50Ms)} | ${f2(v.p50Ratio)}× | ` +
          `${f1(v.gatewayPeakRssMiB)} | ${f1(v.peerPeakRssMiB)} | ${f2(v.rssRatio)}× |`,
      );
    out.push('');
    out.push(
      "The peer's CPU and RSS are read from `/proc/<pid>` (10 ms ticks; RSS sampled every 250 ms), the gateway's from its " +
        "`/metrics` (less the benchmark's own scrapes).",
    );
    out.push('');
  }

  out.push('## Results');
  out.push('');
  out.push(
    '| scenario | conns | req/s | p50 ms | p99 ms | errors | non-2xx | upstream calls/req | CPU ms/req | Sandbox CPU ms/req | peak RSS MiB | other CPU (cores) |',
  );
  out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const scenario of scenarios(results)) {
    for (const r of rowsOf(results).filter((row) => row.scenario === scenario)) {
      const rss = 'peakRssMiB' in r ? f1(r.peakRssMiB) : '—';
      out.push(
        `| ${LONG[scenario] ?? scenario} | ${r.connections} | ${int(r.reqPerSec)} | ${f2(r.p50Ms)} | ${f2(r.p99Ms)} | ` +
          `${r.errors} | ${r.non2xx} | ${f2(r.upstreamCallsPerRequest)} | ${f2(r.cpuMsPerRequest)} | ` +
          `${r.sandboxCpuMsPerRequest === null ? 'n/a' : f2(r.sandboxCpuMsPerRequest)} | ${rss} | ` +
          `${r.otherCpuCores === null ? 'n/a' : f2(r.otherCpuCores)} |`,
      );
    }
  }
  out.push('');
  out.push(
    "CPU ms/req is the gateway's (`process_cpu_seconds_total` from its `/metrics`, less the benchmark's own scrapes) " +
      "for gateway rows, `/proc/<pid>/stat` for the peer's, and the reference process's own (`process.cpuUsage()`: the six GETs and their parsing) for reference rows. " +
      'Sandbox CPU is read from `/proc/<pid>/stat` (10 ms ticks: a rough figure). Other CPU is what processes outside ' +
      "the benchmark used meanwhile (busy time of `/proc/stat` less the benchmark's processes), in cores: above 0 the run shared the machine.",
  );
  out.push('');

  out.push('## Gateway processes');
  out.push('');
  out.push(
    '| gateway | scenarios | RSS at start MiB | peak RSS sampled MiB | VmHWM MiB | CPU of one /metrics scrape ms | log lines ≥ warn | exit |',
  );
  out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const g of results.gateways.filter((p) => p.name !== 'peer')) {
    out.push(
      `| ${g.name} | ${g.scenarios.join(', ')} | ${f1(g.rssAtStartMiB)} | ${f1(g.peakRssMiB)} | ${g.vmHwmMiB === null ? 'n/a' : f1(g.vmHwmMiB)} | ` +
        `${f2(g.scrapeCpuMs)} | ${g.logLines} | ${g.exitCode ?? 'signal'} |`,
    );
  }
  out.push('');
  out.push(
    `Both run \`src/main.ts\` as \`npm start\` does (its V8 flags, and its compile cache, filled beforehand by one unmeasured start) with ${Object.entries(
      results.gateways[0]?.env ?? {},
    )
      .filter(([k]) => !['CACHE', 'UPSTREAM_URL', 'AUTH_JWKS_URL'].includes(k))
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}, UPSTREAM_URL at the Sandbox and AUTH_JWKS_URL at a JWKS the benchmark serves (real ES256 tokens, checked as in a deployment); ` +
      '`cache-off` adds CACHE=false, `cache-on` CACHE=true. Peak RSS is the highest `process_resident_memory_bytes` ' +
      "sampled every 250 ms over the process life (warm-ups included); VmHWM is the kernel's peak when it stopped.",
  );
  out.push('');

  const peerProcess = results.gateways.find((g) => g.name === 'peer');
  if (peerProcess)
    out.push(
      `The peer (\`scripts/bench/peer/main.ts\`, NODE_ENV=production): RSS ${f1(peerProcess.rssAtStartMiB)} MiB at start, ` +
        `peak sampled ${f1(peerProcess.peakRssMiB)} MiB, VmHWM ${peerProcess.vmHwmMiB === null ? 'n/a' : f1(peerProcess.vmHwmMiB)} MiB, ` +
        `${peerProcess.logLines} error lines, exit ${peerProcess.exitCode ?? 'signal'}.`,
      '',
    );

  if (results.httpClients) {
    const h = results.httpClients;
    out.push('## The upstream HTTP path');
    out.push('');
    out.push(
      `CPU per six-call fan-out (the dashboard's six GETs at once, bodies read and parsed) in one process against the Sandbox ` +
        `answering at once, by \`scripts/bench/http-clients.ts\` (\`npm run bench:http\`) after the load runs: median of ${h.rounds} ` +
        `rounds of ${h.perRound} fan-outs per client after ${h.warmup} warm-up fan-outs, \`process.cpuUsage()\` (GC included), ` +
        `${h.maxSockets} sockets per pooling client. The machine is shared: trust the ratios between rows more than the absolute figures.`,
    );
    out.push('');
    out.push('| client | CPU ms per fan-out (median) | lowest | highest |');
    out.push('| --- | ---: | ---: | ---: |');
    for (const r of h.results)
      out.push(`| ${r.name} | ${r.medianMs.toFixed(3)} | ${r.minMs.toFixed(3)} | ${r.maxMs.toFixed(3)} |`);
    out.push('');
  }
  // Human analysis kept next to the generator, across runs.
  for (const kept of ['./http-path.md', './profile.md'])
    out.push(readFileSync(new URL(kept, import.meta.url), 'utf8').trim(), '');

  out.push('## How it is measured');
  out.push('');
  out.push(
    [
      '- The gateway runs with NODE_ENV=production, as deployments do: its tokens are real ES256 JWTs checked against a JWKS (served by the benchmark at AUTH_JWKS_URL); the rate limit, metrics, the validation of upstream answers, the breaker and retries stay on.',
      "- The peer (`scripts/bench/peer/main.ts`, NODE_ENV=production) is started like the gateway, loaded the same way (it ignores the token), and read through `/proc` (it has no `/metrics`; each GraphQL error it answers is a line on its stdout, counted). Before any run, its answer to the dashboard is compared with the gateway's: the same `data`, no `errors`, or the benchmark stops.",
      "- The Sandbox (`src/sandbox/main.ts`, SANDBOX_PORT=0) and the gateway (`src/main.ts`, PORT=0) are separate processes configured by environment only; the harness uses their public surfaces (`/__sandbox/stats`, `/__sandbox/faults`, `/__sandbox/demo`, the gateway's `/metrics`).",
      "- Load: autocannon's programmatic API in the harness process, one request per connection at a time (no pipelining), with an agent token (`Authorization: Bearer …`) and JSON bodies. Each scenario first warms up at the highest connection count (so V8 has optimised the code the 1-connection run measures; the reference process gets the same), then each run warms up at its own connection count; that warm-up's rate sizes the run (`amount` = rate × duration), so a run ends when its last request has answered and nothing is left in flight when the counters are read.",
      "- Latency: every answer's time as autocannon measured it (its `response` events, in fractional ms; autocannon's own histogram keeps whole ms, and is in the JSON as `autocannonP50Ms`/`autocannonP99Ms`).",
      "- Errors: autocannon's connection errors and timeouts, plus the delta of the gateway's `gateway_errors_total` over the run (GraphQL `errors` and REST error answers: autocannon does not read bodies), plus one request of the scenario sent after the run and checked for a 2xx without `errors`.",
      '- Upstream calls: `/__sandbox/stats` is reset before each run; its total after the run ÷ the requests of the run.',
      "- The reference (`scripts/bench/reference.ts`) runs in a child process per connection count: `connections` loops, each sending the six GETs of the dashboard at once over a keep-alive `node:http` Agent (as many sockets as the gateway's UPSTREAM_MAX_SOCKETS), reading and parsing the six bodies; one request = the six GETs. Its CPU is its own `process.cpuUsage()` over the measured part.",
      "- The dashboard is measured with CACHE=false (the gateway's HTTP cache would answer the offers catalog, `public, max-age=300`, from memory), so its upstream calls show the loaders' dedupe alone; one dashboard run with the cache on is shown apart. The mutation (`updateStatus` to ACTIVE/SIM_IMEI on the active line) is idempotent, so it can repeat without failing.",
    ].join('\n'),
  );
  out.push('');
  if (results.notes.length > 0) {
    out.push('## Notes');
    out.push('');
    for (const note of results.notes) out.push(`- ${note}`);
    out.push('');
  }
  // The analysis of unmet targets is written by people, next to the generator, and kept across runs.
  out.push(readFileSync(new URL('./why.md', import.meta.url), 'utf8').trim());
  out.push('');
  out.push('## Running it');
  out.push('');
  out.push('```sh');
  out.push('npm run bench                          # 1, 10 and 50 connections, 10 s runs: a few minutes');
  out.push('npm run bench -- --quick               # smoke run: 1 and 10 connections, 3 s runs');
  out.push('npm run bench -- --latency 20 --connections 1,100 --duration 30 --env UPSTREAM_MAX_SOCKETS=128');
  out.push(
    'npm run bench:http                     # CPU per six-call upstream fan-out, per HTTP client: about 2 minutes',
  );
  out.push(
    'npm run bench:cpu-prof                 # a CPU profile of the gateway under the dashboard load, by package',
  );
  out.push('```');
  out.push('');
  return out.join('\n');
}

// --- SVG ----------------------------------------------------------------------------------------

const WIDTH = 1000;
const LEFT = 70;
const RIGHT = 20;

/** Log-scale ticks 1, 2, 5, 10, ... covering [lo, hi]. */
function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(lo)); decade <= hi * 10; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const v = m * decade;
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}

export function renderSvg(results: BenchResults): string {
  const groups = scenarios(results);
  const conns = results.options.connections;
  const rows = rowsOf(results);
  const find = (scenario: string, c: number) =>
    rows.find((r) => r.scenario === scenario && r.connections === c);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const groupWidth = plotWidth / groups.length;
  const barWidth = (groupWidth * 0.8) / conns.length;
  const barX = (g: number, c: number) => LEFT + g * groupWidth + groupWidth * 0.1 + c * barWidth;
  const parts: string[] = [];
  const text = (x: number, y: number, s: string, attrs = '') =>
    parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${xml(s)}</text>`);

  // Panel 1: latency, log scale.
  const latTop = 70;
  const latHeight = 300;
  const latBottom = latTop + latHeight;
  const latValues = rows.flatMap((r) => [r.p50Ms, r.p99Ms]).filter((v) => Number.isFinite(v) && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...latValues, 1))));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...latValues, 10) * 1.6));
  const yLat = (v: number) =>
    latBottom -
    ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * latHeight;

  // Panel 2: requests per second, linear.
  const rpsTop = latBottom + 70;
  const rpsHeight = 220;
  const rpsBottom = rpsTop + rpsHeight;
  const rpsMax = niceMax(1.1 * Math.max(...rows.map((r) => r.reqPerSec).filter(Number.isFinite), 1));
  const yRps = (v: number) => rpsBottom - (v / rpsMax) * rpsHeight;
  const height = rpsBottom + 70;

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
  );
  parts.push(
    '<title>selfcare-gateway benchmark: p50 and p99 latency and requests per second, per scenario and connection count</title>',
  );
  parts.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  text(
    LEFT,
    22,
    `selfcare-gateway benchmark${results.quick ? ' (quick run)' : ''}: Sandbox latency ${results.options.latencyMs} ms, ${results.machine.cores} cores, Node ${results.machine.node}, ${results.date.slice(0, 10)}`,
    'font-size="14" font-weight="bold"',
  );

  // Legend.
  let lx = LEFT;
  conns.forEach((c, i) => {
    parts.push(`<rect x="${lx}" y="32" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`);
    text(lx + 16, 42, `${c} connection${c === 1 ? '' : 's'}`);
    lx += 110;
  });
  text(lx + 10, 42, 'latency: solid bar = p50, light bar = p99 (labels: p50 / p99 ms)', 'fill="#444"');

  text(LEFT, latTop - 8, 'Latency per request, ms (log scale)', 'font-weight="bold"');
  for (const tick of logTicks(lo, hi)) {
    const y = yLat(tick);
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e4e4e4"/>`,
    );
    text(LEFT - 6, y + 4, String(tick), 'text-anchor="end" fill="#555"');
  }
  parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${latBottom}" y2="${latBottom}" stroke="#888"/>`);

  text(LEFT, rpsTop - 8, 'Throughput, requests per second', 'font-weight="bold"');
  for (let i = 0; i <= 4; i++) {
    const v = (rpsMax / 4) * i;
    const y = yRps(v);
    parts.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#e4e4e4"/>`,
    );
    text(LEFT - 6, y + 4, Math.round(v).toLocaleString('en'), 'text-anchor="end" fill="#555"');
  }
  parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${rpsBottom}" y2="${rpsBottom}" stroke="#888"/>`);

  groups.forEach((scenario, g) => {
    const cx = LEFT + g * groupWidth + groupWidth / 2;
    text(cx, latBottom + 16, SHORT[scenario] ?? scenario, 'text-anchor="middle" font-weight="bold"');
    text(cx, rpsBottom + 16, SHORT[scenario] ?? scenario, 'text-anchor="middle" font-weight="bold"');
    if (g > 0)
      parts.push(
        `<line x1="${LEFT + g * groupWidth}" x2="${LEFT + g * groupWidth}" y1="${latTop}" y2="${latBottom}" stroke="#f0f0f0"/>`,
      );
    conns.forEach((c, i) => {
      const r = find(scenario, c);
      if (!r) return;
      const color = COLORS[i % COLORS.length];
      const x = barX(g, i);
      const w = barWidth - 3;
      const mid = x + w / 2;
      const y99 = yLat(r.p99Ms);
      const y50 = yLat(r.p50Ms);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y99.toFixed(1)}" width="${w.toFixed(1)}" height="${(latBottom - y99).toFixed(1)}" fill="${color}" fill-opacity="0.3"><title>${xml(`${SHORT[scenario]} @${c}: p99 ${f2(r.p99Ms)} ms`)}</title></rect>`,
      );
      parts.push(
        `<rect x="${(x + w * 0.2).toFixed(1)}" y="${y50.toFixed(1)}" width="${(w * 0.6).toFixed(1)}" height="${(latBottom - y50).toFixed(1)}" fill="${color}"><title>${xml(`${SHORT[scenario]} @${c}: p50 ${f2(r.p50Ms)} ms`)}</title></rect>`,
      );
      text(mid, y99 - 14, f1(r.p50Ms), 'text-anchor="middle" font-size="9" fill="#222"');
      text(mid, y99 - 4, f1(r.p99Ms), 'text-anchor="middle" font-size="9" fill="#777"');
      if (r.errors > 0 || r.non2xx > 0)
        text(mid, latBottom - 4, '!', 'text-anchor="middle" fill="#c00" font-weight="bold"');

      const yr = yRps(r.reqPerSec);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${yr.toFixed(1)}" width="${w.toFixed(1)}" height="${(rpsBottom - yr).toFixed(1)}" fill="${color}"><title>${xml(`${SHORT[scenario]} @${c}: ${int(r.reqPerSec)} req/s`)}</title></rect>`,
      );
      text(mid, yr - 4, int(r.reqPerSec), 'text-anchor="middle" font-size="9" fill="#222"');
    });
  });

  text(
    LEFT,
    height - 30,
    "reference = the dashboard's six upstream GETs at once straight to the Sandbox (keep-alive node:http); peer = plain Apollo Server 5 + RESTDataSource; dashboard without the HTTP cache unless marked.",
    'fill="#555"',
  );
  text(LEFT, height - 14, `Command: ${results.command}`, 'fill="#555"');
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Writes the page and the chart of a run into `docs` (and its figures, unless they came from there). */
export function writeReport(docs: string, results: BenchResults, { json = true } = {}): void {
  mkdirSync(docs, { recursive: true });
  if (json) writeFileSync(join(docs, 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(docs, 'benchmarks.svg'), renderSvg(results));
  writeFileSync(join(docs, 'benchmarks.md'), renderMarkdown(results));
}
