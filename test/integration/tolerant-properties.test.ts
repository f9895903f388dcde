// Property-based: answers generated from the ORIGINAL contract's schemas for all 10 reads (edge
// strings, numbers, numbers sent as strings, missing optionals, extra properties), served by a stub
// upstream. Whatever the original allows, GraphQL answers the part with no error, and the REST router
// hands on exactly what the upstream sent.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/contract/openapi.ts';
import { original, originalOperations, toJsonSchema } from '../../src/contract/original.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import { routes } from '../../src/rest/routes.ts';
import { type StubStack, startStubStack } from '../helpers/stub-upstream.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema nodes are walked structurally
type Node = any;

const MSISDN = '50491234567';
const RUNS = 25;

const EDGE_STRINGS = [
  '',
  ' ',
  'string',
  'Suspended',
  'Lps',
  'null',
  '0',
  '12.5',
  '2026-11-26',
  '2026-11-26T08:00:00',
  '2026-11-26 08:00:00',
  '2026-11-26T08:00:00+0600',
  '2026-02-30',
  '+504 9988-7766',
  'ñandú ✓ 👍',
  '<html>',
  'x'.repeat(300),
];

const text = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
/** Numbers the original types `number`, and the numeric strings the gateway also reads. */
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, 0.5, 1536.5, 2 ** 53 - 1, 2 ** 53 + 2, -1, 1e21),
  fc.integer().map(String),
  fc.constantFrom('80', '12.5', ' 7 '),
);
const extraKey = fc.string({ minLength: 1, maxLength: 8 }).map((k) => `extra_${k}`);
const anyJson = fc.jsonValue({ maxDepth: 2 });

const definition = (ref: string): Node => original.definitions[ref.replace(/^.*\/definitions\//, '')];

/** An arbitrary of the answers a (converted) original schema allows. */
function arbitraryOf(schema: Node): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryOf(toJsonSchema(definition(schema.$ref), false));
  switch (schema.type) {
    case 'object': {
      const properties: Record<string, Node> = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, arbitraryOf(v)])),
        { requiredKeys: schema.required ?? [] },
      );
      return fc
        .tuple(record, fc.dictionary(extraKey, anyJson, { maxKeys: 2 }))
        .map(([declared, extra]) => ({ ...extra, ...declared }));
    }
    case 'array':
      return fc.array(arbitraryOf(schema.items), { maxLength: 3 });
    case 'number':
      return number;
    case 'integer':
      return fc.oneof(fc.integer(), fc.integer().map(String));
    default:
      return schema.enum ? fc.oneof(fc.constantFrom(...schema.enum), text) : text;
  }
}

const READS = operations.filter((o) => o.method === 'get');

describe('answers generated from the original contract, for each of the 10 reads', () => {
  let stack: StubStack;
  beforeAll(async () => {
    stack = await startStubStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('covers the 10 reads', () => {
    expect(READS).toHaveLength(10);
  });

  it.each(READS.map((o) => o.operationId))(
    '%s: no part lost, REST hands on the answer as sent',
    async (id) => {
      const operationId = id as OperationId;
      const schema = toJsonSchema(originalOperations.get(operationId)?.responses['200'].schema, false);
      const route = routes[operationId];
      const variables = route.variables({
        msisdn: MSISDN,
        country: 'HN',
        params: {},
        query: {},
        body: undefined,
      });
      const op = operations.find((o) => o.operationId === operationId);
      const path = op?.path.replace(/\{msisdn\}/i, MSISDN) as string;
      await fc.assert(
        fc.asyncProperty(arbitraryOf(schema), async (answer) => {
          stack.answers[operationId] = { body: answer };
          const { data, errors } = await stack.graphql(route.document, variables);
          expect(errors).toBeUndefined();
          const part = Object.values(data.lineAsWritten)[0] as Record<string, unknown> | null;
          expect(part).not.toBeNull();
          if (operationId.startsWith('GetDataUsage')) expect(Object.values(part ?? {})[0]).not.toBeNull();
          const rest = await stack.rest('GET', path);
          expect({ status: rest.status, body: rest.body }).toEqual({
            status: 200,
            body: JSON.parse(JSON.stringify(answer)),
          });
        }),
        { numRuns: RUNS },
      );
    },
  );
});
