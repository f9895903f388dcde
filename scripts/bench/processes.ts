// The processes the benchmark measures, started through their public entry points only: the Sandbox
// (src/sandbox/main.ts), the gateway (src/main.ts) and the peer (scripts/bench/peer/main.ts), each
// its own Node process configured by environment variables, and read through HTTP (/__sandbox/...,
// /metrics) and /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK } from 'jose';
import type { DevKey } from '../../src/auth/keys.ts';
import * as config from '../../src/config.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s on every common platform. */
const CLOCK_TICKS_PER_SECOND = 100;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Every variable src/config.ts reads, so none leaks from the caller's shell into a measured process. */
function configVariables(): string[] {
  const names = new Set<string>(['NODE_ENV']);
  for (const table of Object.values(config)) {
    if (typeof table !== 'object' || table === null) continue;
    for (const entry of Object.values(table as Record<string, unknown>)) {
      const env = (entry as { env?: unknown } | null)?.env;
      if (typeof env === 'string') names.add(env);
    }
  }
  return [...names];
}

export function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of configVariables()) delete env[name];
  return { ...env, ...settings };
}

export interface Started {
  child: ChildProcess;
  /** Lines printed after the start-up line (pino logs of the gateway at LOG_LEVEL=warn and above). */
  laterLines: string[];
  stop(): Promise<number | null>;
}

/** Spawns `node [nodeArgs] <entry>` and resolves with the first match of `ready` in its stdout. */
export async function startProcess(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<Started & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, entry)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const laterLines: string[] = [];
  let started = false;
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    if (started) process.stderr.write(`${name} stderr: ${chunk.toString()}`);
  });
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms:\n${out}${err}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!started) {
        const m = ready.exec(out);
        if (!m) return;
        started = true;
        clearTimeout(timer);
        out = out.slice(m.index + m[0].length);
        resolve(m);
      }
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) laterLines.push(line);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`${name} exited (${code ?? signal}) before it started:\n${out}${err}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  return {
    child,
    match,
    laterLines,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The CPU time (user + system) a process has used so far, in ms, from /proc; null off Linux. */
export function procCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ", fields start at #3 (state): utime is #14, stime #15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** A memory figure of /proc/<pid>/status (VmHWM, VmRSS), in bytes; null off Linux. */
function procStatusBytes(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | null {
  if (pid === undefined) return null;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The highest resident set a process has had (VmHWM), in bytes; null off Linux. */
export const procPeakRss = (pid: number | undefined) => procStatusBytes(pid, 'VmHWM');

/**
 * A process read from /proc alone, for one without /metrics (the peer): its CPU, resident set, and
 * the errors it reported so far as counted by `errors`.
 */
export function procSample(pid: number | undefined, errors: () => number): Promise<GatewaySample> {
  const cpuMs = procCpuMs(pid);
  const rss = procStatusBytes(pid, 'VmRSS');
  if (cpuMs === null || rss === null) return Promise.reject(new Error(`no /proc entry for ${pid}`));
  return Promise.resolve({ at: Date.now(), cpuSeconds: cpuMs / 1000, rssBytes: rss, errors: errors() });
}

/** The sum of every series of a metric in a Prometheus text exposition (NaN when it is absent). */
export function metricSum(text: string, name: string): number {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const next = line[name.length];
    if (next !== ' ' && next !== '{') continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      sum += value;
      found = true;
    }
  }
  return found ? sum : Number.NaN;
}

export interface GatewaySample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
  errors: number;
}

/** Reads the gateway's own /metrics: CPU seconds, resident set and errors answered so far. */
export async function scrape(gatewayUrl: string): Promise<GatewaySample> {
  const res = await fetch(`${gatewayUrl}/metrics`);
  const text = await res.text();
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  const errors = metricSum(text, 'gateway_errors_total');
  return {
    at: Date.now(),
    cpuSeconds: metricSum(text, 'process_cpu_seconds_total'),
    rssBytes: metricSum(text, 'process_resident_memory_bytes'),
    // A counter with no series yet (no error so far) is absent: zero.
    errors: Number.isNaN(errors) ? 0 : errors,
  };
}

/** Samples a process (the gateway's /metrics, or /proc for the peer) every `everyMs` until stopped; counts the samples it took. */
export class RssSampler {
  readonly samples: GatewaySample[] = [];
  scrapes = 0;
  failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #busy = false;

  readonly sample: () => Promise<GatewaySample>;
  readonly everyMs: number;

  constructor(sample: () => Promise<GatewaySample>, everyMs = 250) {
    this.sample = sample;
    this.everyMs = everyMs;
  }

  start(): void {
    this.#timer = setInterval(() => {
      if (this.#busy) return;
      this.#busy = true;
      this.scrapes++;
      this.sample()
        .then((s) => this.samples.push(s))
        .catch(() => this.failures++)
        .finally(() => {
          this.#busy = false;
        });
    }, this.everyMs);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** The highest resident set sampled since `since` (ms since the epoch), in bytes. */
  peakSince(since: number): number {
    let peak = 0;
    for (const s of this.samples) if (s.at >= since && s.rssBytes > peak) peak = s.rssBytes;
    return peak;
  }

  peak(): number {
    return this.peakSince(0);
  }
}

export interface SandboxStats {
  total: number;
  operations: Record<string, number>;
}

/** The Sandbox's control surface (/__sandbox/...). */
export class SandboxControl {
  readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  async demo(): Promise<Record<string, { msisdn: string; country: string }>> {
    return (await (await fetch(`${this.origin}/__sandbox/demo`)).json()) as Record<
      string,
      { msisdn: string; country: string }
    >;
  }

  async stats(): Promise<SandboxStats> {
    return (await (await fetch(`${this.origin}/__sandbox/stats`)).json()) as SandboxStats;
  }

  async resetStats(): Promise<void> {
    const res = await fetch(`${this.origin}/__sandbox/stats`, { method: 'DELETE' });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`DELETE /__sandbox/stats answered ${res.status}`);
  }

  async faults(): Promise<unknown> {
    return (await fetch(`${this.origin}/__sandbox/faults`)).json();
  }

  /** Back to the start-up fault settings (the fixed latency, no injected failure). */
  async resetFaults(): Promise<void> {
    const res = await fetch(`${this.origin}/__sandbox/faults`, { method: 'DELETE' });
    await res.arrayBuffer();
  }
}

/** CPU time the whole machine has spent busy so far (all cores), in ms, from /proc/stat; null off Linux. */
export function machineBusyMs(): number | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1);
    // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
    const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
    return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Serves the public half of `key` as a JWKS on 127.0.0.1: a gateway with NODE_ENV=production (which
 * requires AUTH_JWKS_URL) then checks the benchmark's tokens as it would in a deployment.
 */
export async function serveJwks(key: DevKey): Promise<{ url: string; close(): void }> {
  const jwks = JSON.stringify({
    keys: [{ ...(await exportJWK(key.publicKey)), kid: key.kid, alg: 'ES256', use: 'sig' }],
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' });
    res.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    // Its keep-alive connections too: once closed, the JWKS cannot be reached at all (an outage).
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
