// Issue 15, finding 3: no request body or query string can make the gateway answer 5xx or show a stack
// trace. fast-check throws random JSON, strings, numbers and deep nesting at the GraphQL and REST entry
// points of a production-mode gateway (a bounded number of runs: seconds), then checks it still lives.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ config: { production: true, limits: { rateLimit: 1_000_000 } } });
});
afterAll(() => s.close());

const RUNS = 120;
const STACK_TRACE = /\n\s+at |stacktrace|node:internal|\.ts:\d+/i;

/** The answer is the client's error or a success, and says nothing of the gateway's insides. */
async function expectSane(res: Response, sent: unknown): Promise<void> {
  const text = await res.text();
  expect(res.status, `${res.status} for ${String(sent).slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(
    500,
  );
  expect(text).not.toMatch(STACK_TRACE);
}

const QUERIES = [
  'query ($m: MSISDN!) { line(msisdn: $m) { msisdn status { code } } }',
  'mutation ($m: MSISDN!, $o: ID!) { purchaseOffer(input: { msisdn: $m, offerId: $o }) { response } }',
  '{ me { msisdn } }',
];
/** Deep arrays and objects, up to and past the nesting limit. */
const nested = fc
  .tuple(fc.integer({ min: 1, max: 9000 }), fc.boolean())
  .map(([n, arrays]) =>
    arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
  );
const json = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v));
const anyBody = fc.oneof(json, fc.string({ maxLength: 300 }), nested, fc.double().map(String));
const graphqlBody = fc.oneof(
  anyBody,
  fc
    .record(
      {
        query: fc.oneof(
          fc.constantFrom(...QUERIES),
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 3 }),
        ),
        variables: fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.record({ m: fc.oneof(fc.string(), fc.jsonValue()), o: fc.jsonValue() }),
        ),
        operationName: fc.oneof(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 })),
        extensions: fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record({ persistedQuery: fc.record({ version: fc.jsonValue(), sha256Hash: fc.jsonValue() }) }),
        ),
      },
      { requiredKeys: [] },
    )
    .map((body) => JSON.stringify(body)),
  fc
    .tuple(fc.constantFrom(...QUERIES), nested)
    .map(([query, deep]) => `{"query":${JSON.stringify(query)},"variables":{"m":${deep}}}`),
);

describe('fuzz: never a 5xx, never a stack trace, the process stays up', () => {
  it('POST /graphql, with and without an Idempotency-Key', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphqlBody,
        fc.boolean(),
        fc.constantFrom('application/json', 'text/plain', 'application/graphql-response+json'),
        async (body, keyed, type) => {
          const res = await s.fetch('/graphql', {
            method: 'POST',
            headers: {
              'content-type': type,
              'apollo-require-preflight': 'true',
              ...(keyed && { 'idempotency-key': `fuzz-key-${body.length}` }),
            },
            body,
          });
          await expectSane(res, body);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET /graphql with random query, variables and extensions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('query', 'variables', 'extensions', 'operationName'),
          fc.oneof(anyBody, fc.constantFrom(...QUERIES)),
        ),
        async (params) => {
          const res = await s.fetch(`/graphql?${new URLSearchParams(params)}`, {
            headers: { 'apollo-require-preflight': 'true' },
          });
          await expectSane(res, JSON.stringify(params));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('REST writes and reads with random bodies, query strings and path segments', async () => {
    const m = s.upstream.demo.active.msisdn;
    const route = fc.constantFrom(
      ['POST', `/plans/subscribers/${m}/favorites/`],
      ['PUT', `/billing/subscribers/${m}/status`],
      ['PUT', `/plans/subscribers/${m}/plans`],
      ['POST', `/plans/subscribers/${m}/acquiredoffers/105`],
      ['GET', `/billing/subscribers/${m}/usage/data/hourlybyapp`],
      ['GET', `/plans/subscribers/${m}/offers`],
    );
    await fc.assert(
      fc.asyncProperty(
        route,
        anyBody,
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 })),
        fc.string({ maxLength: 20 }),
        fc.boolean(),
        async ([method, path], body, query, segment, keyed) => {
          const withSegment = segment === '' ? path : path.replace(m, encodeURIComponent(segment));
          const res = await s.fetch(`/v2/tigo/mobile/hn${withSegment}?${new URLSearchParams(query)}`, {
            method,
            headers: {
              'content-type': 'application/json',
              ...(keyed && { 'idempotency-key': `fuzz-rest-${body.length}` }),
            },
            body: method === 'GET' ? undefined : body,
          });
          await expectSane(res, `${method} ${withSegment} ${body}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the process answers after all of it', async () => {
    expect((await s.fetch('/health/live')).status).toBe(200);
    const answer = await s.gql(QUERIES[0] as string, { m: s.upstream.demo.active.msisdn });
    expect(answer.status).toBe(200);
  });
});
