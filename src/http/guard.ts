// The door of every API surface (GraphQL and REST): who is calling (401 otherwise) and how often
// (429 with Retry-After past the per-token rate limit). Each surface says its errors its own way.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthError, type Authenticator, type Principal } from '../auth/authenticate.ts';
import { AuthUnavailableError } from '../auth/jwks.ts';
import type { LimitsConfig } from '../config.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** How a surface words a refusal: its status, and the body its clients expect. */
export type Refusal = (request: FastifyRequest, status: number, code: string, message: string) => unknown;

export interface Surface {
  /** Requests of the surface that need no token (e.g. the landing page). */
  open?: (request: FastifyRequest) => boolean;
  refuse: Refusal;
}

/** Decorates requests with their principal; call once on the root instance. */
export async function guardRoot(
  app: FastifyInstance,
  limits: LimitsConfig,
  refuseFor: (request: FastifyRequest) => Refusal | null,
  /** A store shared by replicas (Redis); this process's memory without one. */
  store?: new (...args: never[]) => unknown,
): Promise<void> {
  app.decorateRequest('principal', null);
  // One store for the whole gateway, keyed by token subject: GraphQL and REST share the budget.
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    ...(store && { store: store as never }),
    max: limits.rateLimit,
    timeWindow: limits.rateLimitWindowMs,
    allowList: (request) => request.principal === null,
    keyGenerator: (request) => request.principal?.subject ?? '',
    errorResponseBuilder: (request, context) => {
      const refuse = refuseFor(request);
      const message = `Too many requests: at most ${context.max} per ${Math.round(limits.rateLimitWindowMs / 1000)} s; retry in ${Math.ceil(context.ttl / 1000)} s`;
      const body = refuse ? refuse(request, 429, 'RATE_LIMITED', message) : { message };
      return Object.assign(new Error(message), { statusCode: 429, body });
    },
  });
}

/** The code of each status the gateway refuses with before any handler runs. */
export const REFUSAL_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Errors thrown before a handler (body too large, rate limit), answered in the surface's words. */
export function answerThrown(refuseFor: (request: FastifyRequest) => Refusal | null, maxBodyBytes: number) {
  return (
    error: Error & { statusCode?: number; body?: unknown },
    request: FastifyRequest,
    reply: FastifyReply,
  ) => {
    const status = error.statusCode ?? 500;
    if (error.body !== undefined) return reply.code(status).send(error.body);
    const refuse = refuseFor(request);
    if (!refuse) return reply.send(error);
    if (status >= 500) request.log.error(error);
    let message = error.message;
    if (status === 413) message = `The request body is larger than ${maxBodyBytes} bytes`;
    if (status >= 500) message = 'Internal error';
    return reply
      .code(status)
      .send(
        refuse(
          request,
          status,
          REFUSAL_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'),
          message,
        ),
      );
  };
}

/** Requires a valid token on every request of the surface registered in `scope`. */
export function guardSurface(scope: FastifyInstance, authenticator: Authenticator, surface: Surface): void {
  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (surface.open?.(request)) return;
    try {
      request.principal = await authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      // The issuer's keys cannot be had: the gateway's trouble, so no 401 (apps would log users out).
      if (error instanceof AuthUnavailableError) {
        return reply
          .code(503)
          .header('retry-after', String(error.retryAfterSeconds))
          .send(surface.refuse(request, 503, 'AUTH_UNAVAILABLE', error.message));
      }
      if (!(error instanceof AuthError)) throw error;
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(surface.refuse(request, 401, 'UNAUTHENTICATED', error.message));
    }
  });
}
