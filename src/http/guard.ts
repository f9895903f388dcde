// The door of every API surface (GraphQL and REST): who is calling (401 otherwise) and how often
// (429 with Retry-After past the per-token rate limit, or past the per-address limit of failed
// authentications). Each surface says its errors its own way.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AuthError, type Authenticator } from '../auth/authenticate.ts';
import { AuthUnavailableError } from '../auth/jwks.ts';
import type { Principal } from '../auth/principal.ts';
import type { LimitsConfig } from '../config.ts';
import { CODES, REFUSAL_CODES } from '../shared/error-codes.ts';
import { type Refusal, sendRefusal } from '../shared/refusal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyInstance {
    failedAuthentications: FailedAuthentications;
  }
}

export interface GuardOptions {
  limits: LimitsConfig;
  /** How the request's surface words a refusal; null off the API surfaces. */
  refuseFor: (request: FastifyRequest) => Refusal | null;
  /** A store shared by replicas (Redis); this process's memory without one. */
  store?: new (
    ...args: never[]
  ) => unknown;
}

/**
 * The guard's root part, registered once: requests get their principal (set by `authentication` on
 * each surface), the rate limit and the count of failed authentications, and the errors thrown before
 * a handler their surface's words.
 */
export const guard = fp<GuardOptions>(
  async (app, { limits, refuseFor, store }) => {
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
        const status = CODES.RATE_LIMITED.status;
        const body = refuse ? refuse(request, status, 'RATE_LIMITED', message) : { message };
        return Object.assign(new Error(message), { statusCode: status, body });
      },
    });
    app.decorate('failedAuthentications', failedAuthentications(app, limits));
    app.setErrorHandler(answerThrown(refuseFor, limits.maxBodyBytes));
  },
  { name: 'guard' },
);

/** Failed authentications per client address: counted, and the address told to wait past the limit. */
export interface FailedAuthentications {
  /** Seconds the request's address must wait before another token is checked, or 0. */
  retryAfter(request: FastifyRequest): number;
  count(request: FastifyRequest): Promise<void>;
}

/**
 * Only failures count, so the callers of a shared address (a carrier's NAT) who send valid tokens are
 * never limited; past the limit, only tokens not yet seen valid wait, and they cost no signature check.
 * Counted in the rate limit's store (shared by replicas with Redis); the wait is this replica's.
 */
function failedAuthentications(app: FastifyInstance, limits: LimitsConfig): FailedAuthentications {
  const limit = app.createRateLimit({
    keyGenerator: (request) => `auth-failure:${request.ip}`,
    max: limits.authFailureMax,
    timeWindow: limits.authFailureWindowMs,
    allowList: () => false,
  });
  const waiting = new Map<string, number>();
  return {
    retryAfter(request) {
      const until = waiting.get(request.ip);
      if (until === undefined) return 0;
      if (until > Date.now()) return Math.ceil((until - Date.now()) / 1000);
      waiting.delete(request.ip);
      return 0;
    },
    async count(request) {
      const counted = await limit(request).catch(() => null);
      if (!counted || counted.isAllowed || counted.remaining > 0) return;
      if (waiting.size >= 100_000) waiting.delete(waiting.keys().next().value as string);
      waiting.set(request.ip, Date.now() + counted.ttl);
    },
  };
}

/** Errors thrown before a handler (body too large, rate limit), answered in the surface's words. */
function answerThrown(refuseFor: (request: FastifyRequest) => Refusal | null, maxBodyBytes: number) {
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
    const code = REFUSAL_CODES[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
    return sendRefusal(reply, refuse, code, message, status);
  };
}

export interface AuthenticationOptions {
  authenticator: Authenticator;
  /** Requests of the surface that need no token (e.g. the landing page). */
  open?: (request: FastifyRequest) => boolean;
  refuse: Refusal;
}

/** Requires a valid token on every request of the surface it is registered in. */
export const authentication = fp<AuthenticationOptions>(
  async (scope, { authenticator, open, refuse }) => {
    const failures = scope.failedAuthentications;
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (open?.(request)) return;
      const { authorization } = request.headers;
      // A request without any token costs no check, and is told so (401) rather than to wait.
      const wait = authorization ? failures.retryAfter(request) : 0;
      if (wait > 0 && !authenticator.known(authorization)) {
        const message = `Too many failed authentications from this address; retry in ${wait} s`;
        reply.header('retry-after', String(wait));
        return sendRefusal(reply, refuse, 'RATE_LIMITED', message);
      }
      try {
        request.principal = await authenticator.authenticate(authorization);
      } catch (error) {
        // The issuer's keys cannot be had: the gateway's trouble, so no 401 (apps would log users out).
        if (error instanceof AuthUnavailableError) {
          reply.header('retry-after', String(error.retryAfterSeconds));
          return sendRefusal(reply, refuse, 'AUTH_UNAVAILABLE', error.message);
        }
        if (!(error instanceof AuthError)) throw error;
        if (authorization) await failures.count(request);
        reply.header('www-authenticate', 'Bearer');
        return sendRefusal(reply, refuse, 'UNAUTHENTICATED', error.message);
      }
    });
  },
  { name: 'authentication', dependencies: ['guard'] },
);
