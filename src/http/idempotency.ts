// Idempotency-Key on writes (GraphQL POSTs and REST POST, PUT, DELETE): a client's retry with the
// same key gets the first answer again and the upstream sees the write once; the same key with
// another request is refused. Keys are scoped by the caller, kept in memory or shared in Redis.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import type { IdempotencyStore, Saved } from '../shared/stores.ts';
import type { Refusal } from './guard.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\w.:-]{8,128}$/;
const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

export interface IdempotencyOptions {
  store: IdempotencyStore;
  ttlMs: number;
  refuse: Refusal;
  /** Whether a POST, PUT or DELETE of the surface writes (a GraphQL POST may be a query). */
  writes?: (request: FastifyRequest) => boolean;
}

/** A GraphQL POST writes when the operation it runs is a mutation. */
export function isMutation(request: FastifyRequest): boolean {
  const { query, operationName } = (request.body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const operation = getOperationAST(
      parse(query),
      typeof operationName === 'string' ? operationName : undefined,
    );
    return operation?.operation === 'mutation';
  } catch {
    return false; // Apollo answers the syntax error itself
  }
}

const fingerprintOf = (request: FastifyRequest): string =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n`)
    .update(
      typeof request.body === 'string' || Buffer.isBuffer(request.body)
        ? request.body
        : JSON.stringify(request.body ?? null),
    )
    .digest('base64url');

export function idempotency(
  scope: FastifyInstance,
  { store, ttlMs, refuse, writes }: IdempotencyOptions,
): void {
  scope.decorateRequest('idempotencyKey', null);

  scope.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !WRITES.has(request.method) || (writes && !writes(request))) return;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value || !KEY_PATTERN.test(value)) {
      return reply
        .code(400)
        .send(
          refuse(
            request,
            400,
            'BAD_USER_INPUT',
            'Idempotency-Key must be 8 to 128 letters, digits or . _ : -',
          ),
        );
    }
    const key = `idem:${request.principal?.subject ?? 'anonymous'}:${value}`;
    const fingerprint = fingerprintOf(request);
    const existing = await store.claim(key, { state: 'pending', fingerprint }, ttlMs);
    if (!existing) {
      request.idempotencyKey = key;
      return;
    }
    if (existing.fingerprint !== fingerprint) {
      return reply
        .code(422)
        .send(refuse(request, 422, 'BAD_USER_INPUT', 'This Idempotency-Key was used with another request'));
    }
    if (existing.state === 'pending') {
      return reply
        .code(409)
        .header('retry-after', '1')
        .send(refuse(request, 409, 'CONFLICT', 'A request with this Idempotency-Key is still in progress'));
    }
    return reply
      .code(existing.status)
      .header('content-type', existing.contentType)
      .header('idempotent-replayed', 'true')
      .send(existing.body);
  });

  scope.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.idempotencyKey) return payload;
    const key = request.idempotencyKey;
    request.idempotencyKey = null;
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    if (body === null) await store.forget(key);
    else {
      await store.save(
        key,
        {
          state: 'done',
          fingerprint: fingerprintOf(request),
          status: reply.statusCode,
          contentType: String(reply.getHeader('content-type') ?? 'application/json'),
          body,
        } satisfies Saved,
        ttlMs,
      );
    }
    return payload;
  });

  // A request that never answered (the client went away, the server failed) frees its key.
  scope.addHook('onResponse', async (request: FastifyRequest) => {
    if (request.idempotencyKey) await store.forget(request.idempotencyKey);
  });
}
