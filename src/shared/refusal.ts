// How an API surface words a refusal of the gateway's own (401, 429, 413…): GraphQL and REST clients
// expect different bodies. A leaf, so every hook that refuses, at any layer, can take one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CODES, type ErrorCode } from './error-codes.ts';

/** How a surface words a refusal: its status, and the body its clients expect. */
export type Refusal = (request: FastifyRequest, status: number, code: ErrorCode, message: string) => unknown;

/**
 * Answers a request with a refusal in its surface's words, with the status the table gives the code
 * (or one of the code's other statuses). Headers set on the reply before stay.
 */
export function sendRefusal(
  reply: FastifyReply,
  refuse: Refusal,
  code: ErrorCode,
  message: string,
  status: number = CODES[code].status,
): FastifyReply {
  return reply.code(status).send(refuse(reply.request, status, code, message));
}
