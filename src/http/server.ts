// The gateway's HTTP server: Apollo Server 5 on Fastify, GraphQL at /graphql, and the REST
// compatibility router with its docs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GatewayConfig } from '../config.ts';
import { formatError } from '../graphql/errors.ts';
import { createSchema } from '../graphql/schema.ts';
import { restDocs } from '../rest/docs.ts';
import { restRouter } from '../rest/router.ts';
import { createUpstreamClient, type UpstreamOptions } from '../upstream/client.ts';
import { type Context, correlationIdOf, createContext } from './context.ts';

export const DASHBOARD_QUERY = readFileSync(
  join(import.meta.dirname, '../../operations/Dashboard.graphql'),
  'utf8',
);

export interface GatewayOptions {
  config: GatewayConfig;
  /** The upstream base URL with `{country}`; overrides config.upstreamUrl (e.g. an in-process sandbox). */
  upstreamUrl: string;
  /** A line to open the landing page's example query with. */
  demoMsisdn?: string;
  onUpstreamCall?: UpstreamOptions['onCall'];
}

export interface Gateway {
  app: FastifyInstance;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const upstream = createUpstreamClient({
    baseUrl: options.upstreamUrl,
    timeoutMs: config.upstreamTimeoutMs,
    maxSockets: config.upstreamMaxSockets,
    onCall: options.onUpstreamCall,
  });
  const app = Fastify({ logger: false });
  const landingPage = config.production
    ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
    : ApolloServerPluginLandingPageLocalDefault({
        footer: false,
        document: DASHBOARD_QUERY,
        variables: {
          msisdn: options.demoMsisdn ?? '50491234567',
          country: config.defaultCountry.toUpperCase(),
        },
      });
  const apollo = new ApolloServer<Context>({
    schema: createSchema(),
    formatError: formatError(config.production),
    includeStacktraceInErrorResponses: !config.production,
    plugins: [fastifyApolloDrainPlugin(app), landingPage],
  });
  await apollo.start();
  const context = (request: FastifyRequest) =>
    createContext(config, upstream.api, correlationIdOf(request.headers['x-correlation-id']));
  await app.register(fastifyApollo(apollo), {
    path: '/graphql',
    context: async (request) => context(request),
  });
  if (config.restRouter) {
    await restRouter(app, { apollo, context });
    await restDocs(app);
  }

  return {
    app,
    listen: async (port = config.port, host = config.host) => {
      await app.listen({ port, host });
      const address = app.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      return `http://${host === '0.0.0.0' ? 'localhost' : host}:${bound}`;
    },
    close: async () => {
      await app.close();
      upstream.close();
    },
  };
}
