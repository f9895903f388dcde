// CORS: which web apps on other origins may call /graphql and the REST paths from a browser
// (CORS_ORIGINS), what they may send and which answer headers their code may read. Registered on the
// root before the guard, so a preflight (which carries no token) is answered in onRequest, before
// authentication and the rate limit; an origin off the list gets no CORS header at all.
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEVELOPMENT_ORIGINS, type GatewayConfig } from '../config.ts';

/** Request headers a web app may send: the token, JSON, Apollo's and the gateway's own headers. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  // Apollo Client and its CSRF prevention (a preflighted header lets a GET through)
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-apollo-operation-id',
  'apollographql-client-name',
  'apollographql-client-version',
  'idempotency-key',
  'x-correlation-id',
];

/** Answer headers a web app's code may read (besides the CORS-safelisted ones). */
const EXPOSED_HEADERS = [
  'x-correlation-id',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
  'idempotent-replayed',
];

export interface CorsOptions {
  config: Pick<GatewayConfig, 'corsOrigins' | 'production'>;
  /** The API surfaces' requests: only they get CORS (not /metrics, /health, /docs). */
  isApi: (request: FastifyRequest) => boolean;
}

export const apiCors = fp<CorsOptions>(
  async (app, { config, isApi }) => {
    const origins = config.corsOrigins ?? (config.production ? [] : DEVELOPMENT_ORIGINS);
    const allowed = (origin: string | undefined) =>
      origin !== undefined && origins.some((pattern) => pattern.test(origin));
    await app.register(cors, {
      // origin false (no CORS header, preflight not answered): off the API, off the list, or no origin
      delegator: (request, callback) =>
        callback(null, {
          origin: allowed(request.headers.origin) && isApi(request),
          methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
          allowedHeaders: ALLOWED_HEADERS,
          exposedHeaders: EXPOSED_HEADERS,
          maxAge: 600,
        }),
    });
  },
  { name: 'api-cors' },
);
