// Introspection that tools can use: the standard query (graphql-js getIntrospectionQuery, 15 fields
// deep), Apollo Sandbox's and graphql-codegen's run with the default limits outside production,
// because MAX_DEPTH counts the operation's own fields. Introspection has its own bounds instead:
// at most MAX_INTROSPECTION_ROOTS `__schema`/`__type` fields, no deeper and no longer `ofType`
// chains than the standard query's. It needs a token like every other request.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { EVERY_INTROSPECTION_OPTION, MAX_INTROSPECTION_ROOTS } from '../../src/graphql/limits.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { type GraphQLAnswer, type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
let authorization: string;
beforeAll(async () => {
  // Every limit at its default.
  s = await startStack();
  authorization = `Bearer ${await s.token({ agent: 'introspection' })}`;
});
afterAll(() => s?.close());

const codesOf = (answer: GraphQLAnswer<unknown>) => (answer.errors ?? []).map((e) => e.extensions?.code);
const post = async (body: Record<string, unknown>, headers: Record<string, string> = { authorization }) => {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLAnswer<IntrospectionQuery>, 'status'>) };
};
const sorted = (sdl: string) => sdl.split('\n\n').sort().join('\n\n');

describe('the introspection queries of tools, with the default limits', () => {
  it('the exact getIntrospectionQuery() text with every option on answers the whole schema', async () => {
    const answer = await post({
      query: getIntrospectionQuery(EVERY_INTROSPECTION_OPTION),
      operationName: 'IntrospectionQuery',
    });
    expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
    expect(answer.errors).toBeUndefined();
    const client = buildClientSchema(answer.data as IntrospectionQuery);
    expect(sorted(printSchema(lexicographicSortSchema(client)))).toBe(
      sorted(printSchema(lexicographicSortSchema(createSchema()))),
    );
  });

  it('every combination of getIntrospectionQuery options runs (GraphiQL, Postman and codegen pick among them)', async () => {
    const names = Object.keys(EVERY_INTROSPECTION_OPTION);
    const statuses = new Set<string>();
    for (let mask = 0; mask < 2 ** names.length; mask++) {
      const options = Object.fromEntries(names.map((name, bit) => [name, (mask & (1 << bit)) !== 0]));
      const answer = await post({
        query: getIntrospectionQuery(options),
        operationName: 'IntrospectionQuery',
      });
      statuses.add(`${answer.status} ${JSON.stringify(codesOf(answer))}`);
    }
    expect([...statuses]).toEqual(['200 []']);
  });

  it('the query Apollo Sandbox sends runs', async () => {
    // Sandbox (embedded at /graphql, or hosted) posts graphql-js's query with inputValueDeprecation on
    // and operationName IntrospectionQuery, with the headers of its connection settings (the landing
    // page gives it a token). Its exact text is not public; this is the documented shape (see the
    // request body in apollographql/router#1450), and every other option mix passes above.
    const answer = await post(
      { query: getIntrospectionQuery({ inputValueDeprecation: true }), operationName: 'IntrospectionQuery' },
      { authorization, 'apollographql-client-name': 'ApolloSandbox' },
    );
    expect(answer.status, JSON.stringify(answer.errors)).toBe(200);
    expect(answer.data?.__schema.queryType.name).toBe('Query');
  });

  it('graphql-codegen with the running gateway’s URL as its schema generates the types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfcare-codegen-'));
    const out = join(dir, 'types.ts');
    await generate(
      {
        schema: { [`${s.url}/graphql`]: { headers: { authorization } } },
        generates: { [out]: { plugins: ['typescript'] } },
        silent: true,
      },
      true,
    );
    const types = readFileSync(out, 'utf8');
    expect(types).toMatch(/export type Subscriber = \{/);
    expect(types).toMatch(/export type Mutation = \{/);
    expect(types).toMatch(/addFavorite: AddFavoritePayload;/);
  }, 60_000);
});

/** `__schema { types { fields { args { type { ofType … } } } } }` with `chain` ofType levels. */
const ofTypes = (chain: number) =>
  `{ __schema { types { fields { args { type { ${'ofType { '.repeat(chain)}name${' }'.repeat(chain)} } } } } } }`;

describe('introspection’s own bounds: abuse is refused with 400 INTROSPECTION_LIMIT_EXCEEDED', () => {
  it('ofType nested as often as in the standard query (9) runs; once more is refused', async () => {
    const nine = await post({ query: ofTypes(9) });
    expect(nine.status, JSON.stringify(nine.errors)).toBe(200);
    const ten = await post({ query: ofTypes(10) });
    expect(ten.status).toBe(400);
    expect(codesOf(ten)).toEqual(['INTROSPECTION_LIMIT_EXCEEDED']);
    expect(ten.errors?.[0]?.message).toMatch(/ofType nested 10 times/);
  });

  it(`more than ${MAX_INTROSPECTION_ROOTS} __schema or __type fields are refused, also through aliases and fragments`, async () => {
    const two = await post({
      query: '{ a: __schema { queryType { name } } b: __type(name: "Subscriber") { name } }',
    });
    expect(two.status, JSON.stringify(two.errors)).toBe(200);
    for (const query of [
      '{ a: __schema { queryType { name } } b: __schema { queryType { name } } c: __type(name: "Plan") { name } }',
      '{ ...S ...S ...S } fragment S on Query { __schema { queryType { name } } }',
    ]) {
      const answer = await post({ query });
      expect(answer.status, query).toBe(400);
      expect(codesOf(answer), query).toContain('INTROSPECTION_LIMIT_EXCEEDED');
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('recursion through fields and types deeper than the standard query is refused', async () => {
    const answer = await post({
      // 18 fields deep (graphql-js's own MaxIntrospectionDepthRule objects to the nested `fields` too).
      query: `{ __type(name: "Subscriber") { ${'fields { type { ofType { '.repeat(5)}name${' } } }'.repeat(5)} } }`,
    });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toContain('INTROSPECTION_LIMIT_EXCEEDED');
  });

  it('introspection blown up through fragments is bounded by MAX_SELECTIONS (SELECTION_LIMIT_EXCEEDED)', async () => {
    // 8 × 8 spreads of a fragment of 20 fields: 1280 fields, 72 spreads, one __schema.
    const query = `{ __schema { types { ...A } } }
      fragment A on __Type { ${'...B '.repeat(8)}}
      fragment B on __Type { ${'...C '.repeat(8)}}
      fragment C on __Type { ${'name '.repeat(20)}}`;
    const answer = await post({ query });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['SELECTION_LIMIT_EXCEEDED']);
  });
});

describe('who may introspect', () => {
  it('development: introspection needs a token, like every request (401 without one)', async () => {
    const answer = await post({ query: getIntrospectionQuery() }, {});
    expect(answer.status).toBe(401);
    expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('INTROSPECTION: unset it follows NODE_ENV (production: off); set, it wins', async () => {
    expect(loadConfig({}).gateway.introspection).toBeNull();
    expect(loadConfig({ INTROSPECTION: 'true' }).gateway.introspection).toBe(true);
    expect(() => loadConfig({ INTROSPECTION: 'yes' })).toThrow(/INTROSPECTION=yes/);
    const off = await startStack({ config: { introspection: false } });
    try {
      const answer = await off.gql(getIntrospectionQuery());
      expect(answer.status).toBe(400);
      expect(answer.errors?.map((e) => e.message).join('\n')).toMatch(/introspection is not allowed/i);
      expect((await off.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await off.close();
    }
  });
});
