// The benchmark's results, as written to docs/benchmarks.json.

export interface GatewayRun {
  scenario: string;
  /** Which gateway process answered (its settings are in `gateways`). */
  gateway: string;
  connections: number;
  requests: number;
  warmupRequests: number;
  durationS: number;
  reqPerSec: number;
  /** Latency of each answer as autocannon timed it (float ms, from its 'response' events). */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** autocannon's own percentiles (its histogram keeps whole milliseconds). */
  autocannonP50Ms: number;
  autocannonP99Ms: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Connection errors and timeouts seen by autocannon. */
  transportErrors: number;
  timeouts: number;
  /** Delta of the gateway's gateway_errors_total over the run (GraphQL errors and REST error answers). */
  gatewayErrors: number;
  /** One request of the scenario sent after the run: null when it was a 2xx with no `errors`. */
  checkFailure: string | null;
  /** transportErrors + timeouts + gatewayErrors + (checkFailure ? 1 : 0). */
  errors: number;
  upstreamCalls: number;
  upstreamCallsPerRequest: number;
  upstreamOperations: Record<string, number>;
  /** Gateway CPU per request, less the cost of the benchmark's own /metrics scrapes during the run. */
  cpuMsPerRequest: number;
  /** Gateway CPU per request as /metrics reports it, scrapes included. */
  cpuMsPerRequestRaw: number;
  metricsScrapes: number;
  /** Gateway CPU per request from /proc/<pid>/stat (10 ms ticks; scrapes included): a cross-check. */
  cpuMsPerRequestProc: number | null;
  /** CPU of the harness process (autocannon) per request: it shares the machine with the gateway. */
  loadGeneratorCpuMsPerRequest: number;
  /** Cores' worth of CPU used by processes other than the benchmark's during the run (noise; /proc/stat). */
  otherCpuCores: number | null;
  /** Sandbox CPU per request (from /proc), or null where /proc is not there. */
  sandboxCpuMsPerRequest: number | null;
  /** Highest process_resident_memory_bytes sampled (every 250 ms) during the measured run, in MiB. */
  peakRssMiB: number;
}

export interface ReferenceRun {
  scenario: 'reference';
  connections: number;
  requests: number;
  warmupRequests: number;
  durationS: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  firstError: string | null;
  /** The reference process's own CPU (process.cpuUsage()) per request of six GETs. */
  cpuMsPerRequest: number;
  sandboxCpuMsPerRequest: number | null;
  /** Sandbox calls over warm-up and run ÷ requests: 6 by construction (a check of the count). */
  upstreamCallsPerRequest: number;
  upstreamOperations: Record<string, number>;
  maxSockets: number;
  /** Distinct connections the reference opened (warm-ups included). */
  sockets: number;
  otherCpuCores: number | null;
}

export interface GatewayInfo {
  name: string;
  /** The settings the benchmark gave it (the rest are defaults of src/config.ts). */
  env: Record<string, string>;
  scenarios: string[];
  rssAtStartMiB: number;
  /** Highest RSS sampled over the process's life (warm-ups included), in MiB. */
  peakRssMiB: number;
  /** VmHWM from /proc when it stopped: the true peak, not sampled. */
  vmHwmMiB: number | null;
  /** CPU one /metrics scrape costs the gateway, measured at start (subtracted from CPU per request). */
  scrapeCpuMs: number;
  /** Log lines at warn level and above, and how it exited. */
  logLines: number;
  firstLogLines: string[];
  exitCode: number | null;
}

/** The gateway's dashboard (cache off) beside the peer's, at one connection count: gateway ÷ peer. */
export interface PeerComparison {
  connections: number;
  gatewayReqPerSec: number;
  peerReqPerSec: number;
  reqPerSecRatio: number;
  gatewayCpuMsPerRequest: number;
  peerCpuMsPerRequest: number;
  cpuRatio: number;
  gatewayP50Ms: number;
  peerP50Ms: number;
  p50Ratio: number;
  /** Highest RSS sampled during the run, in MiB. */
  gatewayPeakRssMiB: number;
  peerPeakRssMiB: number;
  rssRatio: number;
}

export interface HttpClientResult {
  /** got-today, got-tuned, fetch, fetch-bare, undici, undici-dispatch, node-http, gateway-cache-off, gateway-cache-on, validation */
  id: string;
  name: string;
  /** Median, lowest and highest CPU ms per six-call fan-out over the rounds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** The output of scripts/bench/http-clients.ts. */
export interface HttpClientsResults {
  date: string;
  rounds: number;
  perRound: number;
  warmup: number;
  /** The gateway's UPSTREAM_MAX_SOCKETS default, used by every pooling client. */
  maxSockets: number;
  results: HttpClientResult[];
}

export interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  command: string;
  quick: boolean;
  options: {
    latencyMs: number;
    connections: number[];
    durationS: number;
    warmupS: number;
    extraEnv: Record<string, string>;
    subscribers: number;
  };
  machine: {
    cpu: string;
    cores: number;
    totalMemoryGiB: number;
    platform: string;
    node: string;
  };
  versions: Record<string, string>;
  demoLine: { msisdn: string; country: string };
  gateways: GatewayInfo[];
  runs: GatewayRun[];
  reference: ReferenceRun[];
  /** What the check at the start found of the peer's dashboard answer beside the gateway's. */
  peerCheck: string;
  versusPeer: PeerComparison[];
  /** The upstream HTTP path micro-benchmark (scripts/bench/http-clients.ts), run after the load runs. */
  httpClients: HttpClientsResults | null;
  targets: Target[];
  notes: string[];
}
