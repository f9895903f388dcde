// The Self Care Sandbox over HTTP: the contract's operations at /v2/tigo/mobile/{country}/...,
// an OAuth 2.0 token endpoint at /oauth/token (required with requireAuth), and a control surface
// at /__sandbox/ for demos, call counts, credentials and fault injection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { SANDBOX_SETTINGS } from '../config.ts';
import { ApiError, errorBodyFor } from '../contract/errors.ts';
import { operations } from '../contract/openapi.ts';
import {
  BASE_PATH,
  checkBody,
  checkParams,
  errorSchemaAt,
  type Matched,
  matchOperation,
} from '../contract/requests.ts';
import type { OperationId } from '../contract/wire.ts';
import { cacheControl, etagOf } from './caching.ts';
import { openDatabase } from './db.ts';
import { checkFaultSettings, type Fault, type FaultSettings, Faults } from './faults.ts';
import { type OAuthSettings, TOKEN_PATH, TokenIssuer } from './oauth.ts';
import { createHandlers } from './operations/index.ts';
import { DEMO_CASES, type DemoCase, msisdnOf, seed } from './seed.ts';

export { BASE_PATH };

const MAX_BODY_BYTES = 64 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const RECENT_REQUESTS = 100;

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

export interface SandboxOptions {
  /** A SQLite path (':memory:' by default) or an open database. */
  db?: string | DatabaseSync;
  subscribers?: number;
  faults?: Partial<Fault>;
  /** The token endpoint's client and whether operations require its tokens (config.ts has the defaults). */
  oauth?: Partial<OAuthSettings>;
  /** The clock, for usage windows and dates; tests may fix it. */
  now?: () => number;
  onSeedProgress?: (progress: { done: number; total: number }) => void;
}

export interface Sandbox {
  server: Server;
  db: DatabaseSync;
  faults: Faults;
  /** Calls per operation since start or the last reset; calls refused for want of a token are not counted. */
  stats: Map<OperationId, number>;
  /** Calls whose client went away before the answer was written, since start or the last reset. */
  abandoned(): number;
  demo: Partial<Record<DemoCase, { msisdn: string; country: string }>>;
  subscribers: number;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const db = typeof options.db === 'object' ? options.db : openDatabase(options.db ?? ':memory:');
  const now = options.now ?? Date.now;
  const { subscribers } = seed(db, options.subscribers ?? 1000, options.onSeedProgress, now());
  const handlers = createHandlers(db);
  const faults = new Faults(options.faults ?? {});
  const stats = new Map<OperationId, number>();
  const oauth = new TokenIssuer({
    clientId: SANDBOX_SETTINGS.clientId.fallback,
    clientSecret: SANDBOX_SETTINGS.clientSecret.fallback,
    tokenTtlS: SANDBOX_SETTINGS.tokenTtlS.fallback,
    requireAuth: SANDBOX_SETTINGS.requireAuth.fallback,
    ...options.oauth,
  });
  /** The headers of the last calls, so tests can see which credentials a client sent. */
  const seen: { operationId: OperationId; headers: IncomingMessage['headers'] }[] = [];
  let abandoned = 0;
  /** The last calls with the correlation id they carried, so tests can see what a client forwarded. */
  const recent: { operationId: OperationId; correlationId: string | null }[] = [];
  const demo = Object.fromEntries(
    Object.entries(DEMO_CASES)
      .filter(([, index]) => index < subscribers)
      .map(([name, index]) => {
        const { msisdn, market } = msisdnOf(index);
        return [name, { msisdn, country: market.country }];
      }),
  );

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const route = `${req.method} ${path.replace(/\/$/, '')}`;
    switch (route) {
      case 'GET /__sandbox/demo':
        return send(res, 200, demo);
      case 'GET /__sandbox/health':
        return send(res, 200, { status: 'ok', subscribers });
      case 'GET /__sandbox/stats': {
        const counts = Object.fromEntries(stats);
        const total = [...stats.values()].reduce((a, b) => a + b, 0);
        return send(res, 200, { total, operations: counts });
      }
      case 'GET /__sandbox/requests':
        return send(res, 200, recent);
      case 'DELETE /__sandbox/stats':
        stats.clear();
        recent.length = 0;
        seen.length = 0;
        abandoned = 0;
        oauth.resetCounts();
        return send(res, 204);
      case 'GET /__sandbox/auth':
        return send(res, 200, { ...oauth.snapshot(), calls: seen });
      case 'PUT /__sandbox/auth': {
        const changes = parseJson(await readBody(req));
        const problems = checkOAuthChanges(changes);
        if (problems.length > 0) return send(res, 400, { code: 400, message: problems.join('; ') });
        oauth.configure(changes as Partial<OAuthSettings>);
        return send(res, 200, oauth.snapshot());
      }
      case 'DELETE /__sandbox/tokens':
        oauth.revoke();
        return send(res, 204);
      case 'GET /__sandbox/faults':
        return send(res, 200, faults.snapshot());
      case 'PUT /__sandbox/faults': {
        const settings = parseJson(await readBody(req));
        const problems = checkFaultSettings(
          settings,
          operations.map((o) => o.operationId),
        );
        if (problems.length > 0) return send(res, 400, { code: 400, message: problems.join('; ') });
        faults.set(settings as FaultSettings);
        return send(res, 200, faults.snapshot());
      }
      case 'DELETE /__sandbox/faults':
        faults.reset();
        return send(res, 204);
      default:
        return send(res, 404, { code: 404, message: `No sandbox control at ${req.method} ${path}` });
    }
  };

  const operation = async (
    req: IncomingMessage,
    res: ServerResponse,
    matched: Matched,
    query: URLSearchParams,
  ) => {
    const { op, country } = matched;
    seen.push({ operationId: op.operationId, headers: req.headers });
    if (seen.length > RECENT_REQUESTS) seen.shift();
    const refusal = oauth.requireAuth ? oauth.refusal(header(req, 'authorization')) : null;
    if (refusal) {
      req.resume();
      res.setHeader('www-authenticate', 'Bearer realm="sandbox", error="invalid_token"');
      return send(res, 401, errorBodyFor(op.errorSchema, 401, refusal));
    }
    res.once('close', () => {
      if (!res.writableFinished) abandoned++;
    });
    stats.set(op.operationId, (stats.get(op.operationId) ?? 0) + 1);
    recent.push({ operationId: op.operationId, correlationId: header(req, 'x-correlation-id') });
    if (recent.length > RECENT_REQUESTS) recent.shift();
    const fate = faults.plan(op.operationId);
    if (fate.delayMs > 0) await sleep(fate.delayMs);
    if (fate.failure === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fate.failure === 'garbage') return send(res, op.successStatus, '{"truncated": [1, 2', true);
    if (fate.failure === 'error') throw new ApiError(500, `Injected fault in ${op.operationId}`);

    const params = checkParams(matched, query);
    let body: unknown;
    if (op.validateBody) body = checkBody(op, req.headers['content-type'], await readBody(req));
    else req.resume();
    const msisdn = String(params.MSISDN ?? params.msisdn);
    const at = now();
    const result = handlers[op.operationId]({ country, msisdn, params, body, now: at });
    if (op.method !== 'get') return send(res, op.successStatus, result);
    const text = JSON.stringify(result);
    const etag = etagOf(text);
    res.setHeader('cache-control', cacheControl(op.operationId, params, at));
    res.setHeader('etag', etag);
    if (req.headers['if-none-match'] === etag) return send(res, 304);
    send(res, op.successStatus, text, true);
  };

  const token = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') throw new ApiError(405, `${TOKEN_PATH} takes POST`, 'POST');
    const body = (await readBody(req)).toString('utf8');
    const answer = oauth.issue(header(req, 'authorization'), req.headers['content-type'], body);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    send(res, answer.status, answer.body);
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    try {
      if (path.startsWith('/__sandbox/')) return await control(req, res, path);
      if (path === TOKEN_PATH) return await token(req, res);
      await operation(req, res, matchOperation(req.method ?? 'GET', path), url.searchParams);
    } catch (error) {
      if (res.headersSent || req.socket.destroyed) return;
      const status = error instanceof ApiError ? error.status : 500;
      if (!(error instanceof ApiError)) console.error('sandbox: unexpected failure', error);
      const message = error instanceof ApiError ? error.message : 'Internal error';
      // An unread oversized body would otherwise be parsed as the next request.
      if (status === 413) res.setHeader('connection', 'close');
      if (error instanceof ApiError && error.allow) res.setHeader('allow', error.allow);
      send(res, status, errorBodyFor(errorSchemaAt(path), status, message));
    }
  });

  return {
    server,
    db,
    faults,
    stats,
    abandoned: () => abandoned,
    demo,
    subscribers,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host}:${bound}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          if (typeof options.db !== 'object') db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'The request body is not valid JSON');
  }
}

/**
 * Reads the body up to MAX_BODY_BYTES. Past that it keeps draining (so the client reads the 413
 * instead of a reset), and only cuts a client that goes on sending far more.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > 16 * MAX_BODY_BYTES) req.socket.destroy();
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        reject(new ApiError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks));
    });
  });
}

function send(res: ServerResponse, status: number, body?: unknown, raw = false): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  if (status >= 400) res.setHeader('cache-control', 'no-store');
  const text = raw ? String(body) : JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Checks a body of PUT /__sandbox/auth; returns the problems found. */
function checkOAuthChanges(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['settings must be an object'];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'clientId' || key === 'clientSecret') {
      if (typeof v !== 'string' || v === '') problems.push(`${key} must be a non-empty string`);
    } else if (key === 'tokenTtlS') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 86_400)
        problems.push('tokenTtlS must be a whole number of seconds from 1 to 86400');
    } else if (key === 'requireAuth') {
      if (typeof v !== 'boolean') problems.push('requireAuth must be true or false');
    } else problems.push(`${key} is not an auth setting`);
  }
  return problems;
}
