// Automatic persisted queries: a hash that cannot be a SHA-256, or that does not match the query sent
// with it, is the client's mistake: 400 BAD_REQUEST (Apollo Server would label a mismatch
// INTERNAL_SERVER_ERROR). An unknown well-formed hash stays Apollo's PERSISTED_QUERY_NOT_FOUND, which
// tells Apollo clients to send the query.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Refusal, sendRefusal } from '../shared/refusal.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A preHandler for /graphql, before anything reads the hash. */
export const persistedQueryHashes = fp<{ refuse: Refusal }>(
  async (scope, { refuse }) => {
    scope.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      const body = (request.method === 'GET' ? request.query : request.body) as
        | Record<string, unknown>
        | undefined;
      let extensions = body?.extensions;
      if (typeof extensions === 'string') {
        try {
          extensions = JSON.parse(extensions);
        } catch {
          return; // Apollo refuses extensions that are not JSON
        }
      }
      if (typeof extensions !== 'object' || extensions === null || !('persistedQuery' in extensions)) return;
      const { persistedQuery } = extensions as { persistedQuery: unknown };
      const hash = (persistedQuery as { sha256Hash?: unknown } | null)?.sha256Hash;
      let message: string | null = null;
      if (typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
        message = 'extensions.persistedQuery.sha256Hash must be a SHA-256 in 64 lowercase hex digits';
      } else if (
        typeof body?.query === 'string' &&
        createHash('sha256').update(body.query).digest('hex') !== hash
      ) {
        message = 'extensions.persistedQuery.sha256Hash does not match the query';
      }
      if (message) return sendRefusal(reply, refuse, 'BAD_REQUEST', message);
    });
  },
  { name: 'persisted-query-hashes' },
);
