// How an API surface words a refusal of the gateway's own (401, 429, 413…): GraphQL and REST clients
// expect different bodies. A leaf, so every hook that refuses, at any layer, can take one.
import type { FastifyRequest } from 'fastify';

/** How a surface words a refusal: its status, and the body its clients expect. */
export type Refusal = (request: FastifyRequest, status: number, code: string, message: string) => unknown;
