// Upstreams this project did not write: Prism (Stoplight's mock server) serving the ORIGINAL swagger
// (schema/upstream/original.swagger.yaml) exactly as published, and a recording proxy in front of it,
// so a test can compare what the gateway answered with what the upstream sent for that same request.
//
// The Prism copy has one fix (scripts/prism-spec.ts): Prism serves the paths at `/` and does not read
// the templated `basePath` (`/v2/tigo/mobile/{country}`), so each path is written under the base
// path of one market (hn), and the gateway reaches it at its usual URL, `.../v2/tigo/mobile/{country}`.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prismSpec } from '../../scripts/prism-spec.ts';

/** The base path of the market the Prism copy serves. */
export const PRISM_BASE = '/v2/tigo/mobile/hn';

export interface Mock {
  /** The server's root. */
  url: string;
  close(): Promise<void>;
}

const cli = (() => {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@stoplight/prism-cli/package.json');
  return join(dirname(pkg), (require(pkg) as { bin: { prism: string } }).bin.prism);
})();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Prism mocking the original swagger: static (each operation's example, else a placeholder of its
 * type) or dynamic (random values from the schemas, with extra properties, from `seed`).
 */
export async function startPrism(options: { dynamic?: boolean; seed?: string } = {}): Promise<Mock> {
  const port = await freePort();
  const spec = join(mkdtempSync(join(tmpdir(), 'selfcare-prism-')), 'original.prism.yaml');
  writeFileSync(spec, prismSpec('hn'));
  const args = ['mock', spec, '-p', String(port), '-h', '127.0.0.1', '-v', 'error'];
  if (options.dynamic) args.push('-d', '--json-schema-faker-fillProperties', '--seed', options.seed ?? '12');
  const child: ChildProcess = spawn(process.execPath, [cli, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Prism exited (${child.exitCode}): ${stderr}`);
    try {
      await fetch(`${url}${PRISM_BASE}/plans/subscribers/1/upgraderequest`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Prism did not start: ${stderr}`);
      await sleep(200);
    }
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Exchange {
  method: string;
  /** Path and query, as the upstream received them. */
  path: string;
  status: number;
  body: string;
}

/** A proxy that hands every request to `target` and records each exchange. */
export async function recordingProxy(target: string): Promise<Mock & { exchanges: Exchange[] }> {
  const exchanges: Exchange[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      ) as [string, string][],
    );
    const upstream = await fetch(target + req.url, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const body = await upstream.text();
    exchanges.push({ method: req.method ?? 'GET', path: req.url ?? '/', status: upstream.status, body });
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/json',
    });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    forward(req, res).catch((error: unknown) => res.writeHead(599).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
