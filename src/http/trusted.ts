// Trusted documents: with TRUSTED_DOCUMENTS on (a production option), /graphql runs only the
// operations of the frontend kit (operations/*.graphql, hashed by graphql-codegen into
// kit/__generated__/persisted-documents.json): sent by id, by APQ hash, or as their text.
// Anything else is refused before execution.
import { readFileSync } from 'node:fs';
import { sortAST } from '@apollo/utils.sortast';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parse, print } from 'graphql';
import type { Refusal } from './guard.ts';

export interface TrustedDocuments {
  /** The document text for an id (`sha256:<hex>`), or undefined. */
  byId(id: string): string | undefined;
  /** Whether a document text is one of them (compared sorted and printed, so layout does not matter). */
  has(text: string): boolean;
}

/** A document as the kit hashed it: fields and arguments sorted, layout gone. */
const canonical = (text: string): string | null => {
  try {
    return print(sortAST(parse(text)));
  } catch {
    return null;
  }
};

export function loadTrustedDocuments(file: string): TrustedDocuments {
  const byId = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  const texts = new Set([...byId.values()].map((text) => canonical(text)));
  return {
    byId: (id) => byId.get(id.includes(':') ? id : `sha256:${id}`),
    has: (text) => texts.has(canonical(text)),
  };
}

/** A preHandler for /graphql: swaps ids for their text, and refuses any other document. */
export function trustedOnly(documents: TrustedDocuments, refuse: Refusal) {
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
        body.query = text;
        delete body.documentId;
        return;
      }
    }
    if (typeof body.query === 'string' && documents.has(body.query)) return;
    return reply
      .code(400)
      .send(
        refuse(
          request,
          400,
          'TRUSTED_DOCUMENT_REQUIRED',
          'Only the trusted documents of the frontend kit are accepted',
        ),
      );
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
