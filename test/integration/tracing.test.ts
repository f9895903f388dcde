// OpenTelemetry by env: a gateway process with OTEL_EXPORTER_OTLP_ENDPOINT sends a span per request
// and per upstream call, one trace, to an OTLP/HTTP receiver; without it nothing is sent.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
}

let receiver: Server;
let endpoint: string;
const exports: { contentType: string; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.url === '/v1/traces') exports.push({ contentType: String(req.headers['content-type']), body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => receiver.close(resolve)));

function startGateway(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; token: string }> {
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SANDBOX_PORT: '0',
      UPSTREAM_URL: '',
      AUTH_DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), 'selfcare-trace-key-')), 'jwk.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /GraphQL at (\S+)\/graphql[\s\S]*Authorization: Bearer (\S+)/.exec(output);
      if (m) resolve({ child, url: m[1] as string, token: m[2] as string });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

async function queryAndStop(env: Record<string, string>): Promise<void> {
  const { child, url, token } = await startGateway(env);
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ subscriber(msisdn: "50491234567") { status { code } plan { id } } }' }),
  });
  expect(res.status).toBe(200);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const spansOf = (body: string): OtlpSpan[] =>
  (JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans.flatMap(
    (r) => r.scopeSpans.flatMap((s) => s.spans),
  );

describe('OpenTelemetry tracing', () => {
  it('sends nothing when OTEL_EXPORTER_OTLP_ENDPOINT is not set', async () => {
    exports.length = 0;
    await queryAndStop({});
    expect(exports).toEqual([]);
  });

  it('sends the request span and its upstream calls, in one trace, when it is set', async () => {
    exports.length = 0;
    await queryAndStop({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'gateway-under-test' });
    expect(exports.length).toBeGreaterThan(0);
    expect(exports[0]?.body).toContain('gateway-under-test');
    const spans = exports.flatMap((e) => spansOf(e.body));
    const request = spans.find((s) => s.name === 'POST /graphql');
    expect(request).toBeDefined();
    const upstream = spans.filter((s) => s.name.startsWith('upstream '));
    expect(upstream.map((s) => s.name).sort()).toEqual([
      'upstream GetCurrentPlanDetailsbyMSISDN',
      'upstream GetStatusOfSubscriberByMSISDN',
    ]);
    for (const span of upstream) {
      expect(span.traceId).toBe(request?.traceId);
      expect(span.parentSpanId).toBe(request?.spanId);
    }
    expect(JSON.stringify(spans)).not.toContain('50491234567');
  });
});
