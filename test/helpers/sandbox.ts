// A sandbox on port 0 per test file, and a client that speaks the contract: it builds URLs from
// the contract's path templates and checks every answer against the contract's schemas.
import { expect } from 'vitest';
import { operations, validateResponse } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import type { DemoCase } from '../../src/sandbox/seed.ts';
import { BASE_PATH, createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/server.ts';

export interface CallOptions {
  country?: string;
  msisdn?: string;
  /** Other path parameters, e.g. offerId. */
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Send the raw text as the body instead of JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestSandbox {
  sandbox: Sandbox;
  url: string;
  /** The demo lines; a seed smaller than a case's index lacks that case. */
  demo: Record<DemoCase, { msisdn: string; country: string }>;
  /** Calls an operation of the contract; fails the test if the answer breaks the contract. */
  call<T = unknown>(operationId: OperationId, options?: CallOptions): Promise<Answer<T>>;
  /** A plain request, for paths and methods outside the contract. */
  request<T = unknown>(method: string, path: string, init?: RequestInit): Promise<Answer<T>>;
  close(): Promise<void>;
}

export function operationPath(operationId: OperationId, options: CallOptions = {}): string {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  const values: Record<string, string> = {
    MSISDN: options.msisdn ?? '',
    msisdn: options.msisdn ?? '',
    ...options.path,
  };
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  const query = options.query ? `?${new URLSearchParams(options.query)}` : '';
  return `${BASE_PATH}/${options.country ?? 'hn'}${path}${query}`;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox({ subscribers: 200, ...options });
  const url = await sandbox.listen(0);

  const request = async <T>(method: string, path: string, init: RequestInit = {}): Promise<Answer<T>> => {
    const res = await fetch(url + path, { method, ...init });
    const text = await res.text();
    let body: unknown = text;
    try {
      if (res.headers.get('content-type')?.startsWith('application/json')) body = JSON.parse(text);
    } catch {
      // left as text: a test may ask for a broken body on purpose
    }
    return { status: res.status, body: body as T, headers: res.headers };
  };

  const call = async <T>(operationId: OperationId, options: CallOptions = {}): Promise<Answer<T>> => {
    const op = operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId}`);
    const hasBody = options.body !== undefined || options.rawBody !== undefined;
    const answer = await request<T>(op.method.toUpperCase(), operationPath(operationId, options), {
      headers: { ...(hasBody && { 'content-type': 'application/json' }), ...options.headers },
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    expect(answer.headers.get('content-type'), `${operationId} answers JSON`).toBe(
      'application/json; charset=utf-8',
    );
    expect(
      validateResponse(operationId, answer.status, answer.body),
      `${operationId} ${answer.status} fits the contract`,
    ).toEqual([]);
    return answer;
  };

  return {
    sandbox,
    url,
    demo: sandbox.demo as TestSandbox['demo'],
    call,
    request,
    close: () => sandbox.close(),
  };
}

/** A MSISDN of the seed that is in no demo case, for tests that change a line. */
export function plainLine(sandbox: Sandbox, country = 'hn', skip = 0): string {
  const demo = new Set(Object.values(sandbox.demo).map((d) => d.msisdn));
  const rows = sandbox.db
    .prepare(
      "SELECT msisdn FROM subscribers WHERE country = ? AND sim_status = 'Active' AND imei_status = 'Active' ORDER BY msisdn",
    )
    .all(country) as { msisdn: string }[];
  const free = rows.filter((r) => !demo.has(r.msisdn));
  const line = free[skip];
  if (!line) throw new Error(`no free line number ${skip} in ${country}`);
  return line.msisdn;
}

/**
 * Hands out active lines in no demo case, each line once, matching `where`: tests that change a
 * line take one no other test of their file has touched. The sandbox is read when a line is asked for.
 */
export function lineTaker(sandbox: () => Sandbox) {
  const taken = new Set<string>();
  const take = (where: (msisdn: string) => boolean = () => true, country = 'hn'): string => {
    for (let skip = 0; ; skip++) {
      const msisdn = plainLine(sandbox(), country, skip); // throws when the seed runs out
      if (!taken.has(msisdn) && where(msisdn)) {
        taken.add(msisdn);
        return msisdn;
      }
    }
  };
  return Object.assign(take, { taken });
}
