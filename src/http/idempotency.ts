// Idempotency-Key on writes (GraphQL POSTs and REST POST, PUT, DELETE): a client's retry with the
// same key gets the first answer again and the upstream sees the write once; the same key with
// another request is refused. A key is scoped by the caller and the lines the write acts on, and
// only a caller who may reach those lines gets a replay (others run, and are refused by the line's
// own check). Kept in memory or shared in Redis.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { canReach } from '../graphql/lines.ts';
import type { SubscriberRef } from '../shared/line.ts';
import { type Refusal, sendRefusal } from '../shared/refusal.ts';
import type { IdempotencyStore, Saved } from '../shared/stores.ts';

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
  /**
   * The lines a POST, PUT or DELETE of the surface writes to; null when it writes nothing (a GraphQL
   * POST may be a query) or when the request is one the surface will refuse anyway.
   */
  lines: (request: FastifyRequest) => SubscriberRef[] | null;
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

export const idempotency = fp<IdempotencyOptions>(
  async (scope, { store, ttlMs, refuse, lines: linesOf }) => {
    scope.decorateRequest('idempotencyKey', null);

    scope.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers[IDEMPOTENCY_HEADER];
      if (header === undefined || !WRITES.has(request.method)) return;
      const lines = linesOf(request);
      if (lines === null) return;
      const value = Array.isArray(header) ? header[0] : header;
      if (!value || !KEY_PATTERN.test(value)) {
        return sendRefusal(
          reply,
          refuse,
          'BAD_USER_INPUT',
          'Idempotency-Key must be 8 to 128 letters, digits or . _ : -',
        );
      }
      const { principal } = request;
      // A caller who may not reach a line gets no replay, nor a claim: the write runs and the line's
      // own check refuses it, as it would without a key.
      if (!principal || !lines.every((line) => canReach(principal, line))) return;
      const where = lines.map((line) => `${line.country}/${line.msisdn}`).sort();
      const key = `idem:${principal.subject}:${where.join(',')}:${value}`;
      const fingerprint = fingerprintOf(request);
      const existing = await store.claim(key, { state: 'pending', fingerprint }, ttlMs);
      if (!existing) {
        request.idempotencyKey = key;
        return;
      }
      if (existing.fingerprint !== fingerprint) {
        const message = 'This Idempotency-Key was used with another request';
        return sendRefusal(reply, refuse, 'BAD_USER_INPUT', message, 422);
      }
      if (existing.state === 'pending') {
        reply.header('retry-after', '1');
        return sendRefusal(
          reply,
          refuse,
          'CONFLICT',
          'A request with this Idempotency-Key is still in progress',
        );
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
  },
  { name: 'idempotency' },
);
