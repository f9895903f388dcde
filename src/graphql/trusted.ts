// Trusted documents: with TRUSTED_DOCUMENTS on (a production option), /graphql runs only the
// operations of the frontend kit (operations/*.graphql, hashed by graphql-codegen into
// kit/__generated__/persisted-documents.json): sent by id, by APQ hash, or as their text.
// Anything else is refused before execution.
//
// Apollo Client's persisted-query link hashes the document as it prints it (sha256 of its text), not
// as the kit's manifest does (sorted). A hash the gateway does not know, sent alone, is answered
// PERSISTED_QUERY_NOT_FOUND, as automatic persisted queries do; the link then sends the text with
// the hash, and when that text is trusted and the hash is its sha256, the hash is remembered, so the
// next request by hash alone runs at once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sortAST } from '@apollo/utils.sortast';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type DocumentNode, parse, print, visit } from 'graphql';
import { type Refusal, sendRefusal } from '../shared/refusal.ts';
import { BoundedMap } from '../upstream/cache.ts';

/** Hashes learned from the persisted-query link: each layout of a trusted text a client sent. */
const LEARNED_HASHES = 1000;

export interface TrustedDocuments {
  /** The document text for an id (`sha256:<hex>`, or a hash learned from a client), or undefined. */
  byId(id: string): string | undefined;
  /** Whether a document text is one of them (compared sorted and printed, so layout does not matter). */
  has(text: string): boolean;
  /** Remembers `hash` for a trusted text, if it is the text's sha256. */
  learn(hash: string, text: string): void;
}

/**
 * A document as the kit hashed it: fields and arguments sorted, layout gone, and without `__typename`
 * selections, which cost nothing and which clients add as their caches need (the kit's documents
 * select it everywhere; Apollo Client adds it everywhere but at the root).
 */
const canonical = (text: string): string | null => {
  try {
    return print(sortAST(withoutTypename(parse(text))));
  } catch {
    return null;
  }
};

const withoutTypename = (document: DocumentNode): DocumentNode =>
  visit(document, {
    Field: (field) =>
      field.name.value === '__typename' && !field.alias && !field.directives?.length ? null : undefined,
  });

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function loadTrustedDocuments(file: string): TrustedDocuments {
  const byId = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  const texts = new Set([...byId.values()].map((text) => canonical(text)));
  const learned = new BoundedMap<string>(LEARNED_HASHES);
  const has = (text: string) => texts.has(canonical(text));
  return {
    byId: (id) => byId.get(id.includes(':') ? id : `sha256:${id}`) ?? learned.get(id),
    has,
    learn: (hash, text) => {
      if (!learned.has(hash) && sha256(text) === hash && has(text)) learned.set(hash, text);
    },
  };
}

/** A preHandler for /graphql: swaps ids for their text, and refuses any other document. */
function trustedOnly(documents: TrustedDocuments, refuse: Refusal) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.method === 'GET' ? request.query : request.body) as
      | Record<string, unknown>
      | undefined;
    if (!body) return;
    const extensions = typeof body.extensions === 'string' ? safeJson(body.extensions) : body.extensions;
    const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
      ?.sha256Hash;
    const id =
      typeof body.documentId === 'string' ? body.documentId : typeof hash === 'string' ? hash : undefined;
    if (typeof body.query !== 'string' && id !== undefined) {
      const text = documents.byId(id);
      if (text !== undefined) {
        runText(request, body, text, extensions);
        return;
      }
      // What Apollo Server answers for an unknown APQ hash: the client's link then sends the text.
      if (id === hash) {
        reply.header('cache-control', 'private, no-cache, must-revalidate');
        return sendRefusal(reply, refuse, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound');
      }
    }
    if (typeof body.query === 'string' && documents.has(body.query)) {
      if (typeof hash === 'string') documents.learn(hash, body.query);
      return;
    }
    return sendRefusal(
      reply,
      refuse,
      'TRUSTED_DOCUMENT_REQUIRED',
      'Only the trusted documents of the frontend kit are accepted',
    );
  };
}

/** Runs only the documents of the trusted-documents file (`file`) on the surface it is registered in. */
export const trustedDocuments = fp<{ file: string; refuse: Refusal }>(
  async (scope, { file, refuse }) => {
    scope.addHook('preHandler', trustedOnly(loadTrustedDocuments(file), refuse));
  },
  { name: 'trusted-documents' },
);

/**
 * Puts a trusted text in place of its id where Apollo reads the request: the body of a POST, the URL
 * of a GET (the integration reads the raw query string, not Fastify's parsed one). Without the
 * persisted-query extension: found here, Apollo's own APQ need not check the hash again (a manifest
 * id has a `sha256:` prefix it would not match).
 */
function runText(request: FastifyRequest, body: Record<string, unknown>, text: string, extensions: unknown) {
  const { persistedQuery: _, ...rest } = (extensions ?? {}) as Record<string, unknown>;
  if (request.method === 'GET') {
    const url = new URL(request.raw.url ?? '/', 'http://gateway.invalid');
    url.searchParams.set('query', text);
    url.searchParams.set('extensions', JSON.stringify(rest));
    url.searchParams.delete('documentId');
    request.raw.url = `${url.pathname}${url.search}`;
  }
  // Also in the parsed body or query, which the gateway's own hooks (APQ hash checks) read.
  body.query = text;
  body.extensions = rest;
  delete body.documentId;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
