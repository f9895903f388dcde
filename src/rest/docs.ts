// The router's OpenAPI document at a stable URL, and Swagger UI over it from local files (no CDN),
// so the docs work on an air-gapped network.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { document } from '../contract/openapi.ts';

export const OPENAPI_PATH = '/rest/openapi.json';
export const DOCS_PATH = '/docs/';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

// biome-ignore lint/suspicious/noExplicitAny: the parsed YAML document is walked structurally
type Node = any;

const resolve = (node: Node): Node =>
  node?.$ref
    ? node.$ref
        .slice(2)
        .split('/')
        .reduce((at: Node, key: string) => at[key], document)
    : node;

/**
 * Path-level parameters written out on each operation: Swagger UI cannot show a shared parameter
 * reference at path level in OpenAPI 3.1, and "Try it out" would have no MSISDN field.
 */
const paths = Object.fromEntries(
  Object.entries(document.paths as Record<string, Node>).map(([path, { parameters = [], ...item }]) => [
    path,
    Object.fromEntries(
      Object.entries(item).map(([method, op]: [string, Node]) => [
        method,
        { ...op, parameters: [...parameters, ...(op.parameters ?? [])].map(resolve) },
      ]),
    ),
  ]),
);

/** The contract as this gateway serves it: the same operations, on this host, behind a Bearer token. */
const routerDocument = {
  ...document,
  paths,
  info: {
    ...document.info,
    title: `${document.info.title} (selfcare-gateway REST compatibility router)`,
  },
  components: {
    ...document.components,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
  security: [{ bearerAuth: [] }],
};

/** Swagger UI's start-up; in development it is authorised with the demo token already. */
const initializer = (token?: string) => `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(OPENAPI_PATH)},
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    validatorUrl: null,
    onComplete: function () {
      ${token ? `window.ui.preauthorizeApiKey('bearerAuth', ${JSON.stringify(token)});` : ''}
    },
  });
};
`;

export async function restDocs(app: FastifyInstance, demoToken?: string): Promise<void> {
  const script = initializer(demoToken);
  app.get(OPENAPI_PATH, async () => routerDocument);
  app.get(`${DOCS_PATH}swagger-initializer.js`, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').send(script),
  );
  app.get('/docs', async (_request, reply) => reply.redirect(DOCS_PATH));
  await app.register(fastifyStatic, { root: swaggerUiDir, prefix: DOCS_PATH, index: 'index.html' });
}
