// The one walk over selections (src/graphql/selection.ts): fragments inlined by arithmetic, not by
// copying, @skip/@include honoured, and the summary computed once per document and variables shape.
import type { FastifyRequest } from 'fastify';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fanOut } from '../../scripts/bench/documents.ts';
import { mutationLines } from '../../src/graphql/mutation-lines.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { fragmentsOf, summarize } from '../../src/graphql/selection.ts';

const schema = createSchema();
const parsed = (text: string) => {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  return { document, operation, fragments: fragmentsOf(document) };
};

describe('summarize', () => {
  it('counts a fan-out of 90 fragments as 2^90 fields without visiting them', () => {
    const { operation, fragments } = parsed(fanOut(90));
    const summary = summarize(schema, operation, fragments);
    expect(summary.selections).toBe(2 ** 90);
    expect(summary.spreads).toBe(2 ** 91 - 1);
    expect(summary.depth).toBe(1);
  });

  it('keeps depth, cost and introspection apart', () => {
    const { operation, fragments } = parsed(`query ($m: MSISDN!) {
      subscriber(msisdn: $m) { ...Lines usage { hourlyByApp { totalBytes } } }
      __schema { types { fields { type { ofType { ofType { name } } } } } }
    }
    fragment Lines on Subscriber { status { code } plan { id } }`);
    const summary = summarize(schema, operation, fragments, { m: '50491234567' });
    expect(summary).toMatchObject({
      depth: 4,
      cost: 4, // the line, status, plan, hourlyByApp
      introspectionRoots: 1,
      introspectionDepth: 7,
      ofTypeChain: 2,
      spreads: 1,
    });
  });

  it('honours @skip and @include with the variables, and counts a list variable by its length', () => {
    const { operation, fragments } = parsed(`query ($ms: [MSISDN!]!, $plan: Boolean!) {
      subscribers(msisdns: $ms) { status { code } plan @include(if: $plan) { id } offers @skip(if: true) { id } }
    }`);
    const withPlan = summarize(schema, operation, fragments, { ms: ['1', '2', '3'], plan: true });
    const withoutPlan = summarize(schema, operation, fragments, { ms: ['1', '2', '3'], plan: false });
    expect([withPlan.cost, withoutPlan.cost]).toEqual([9, 6]);
    expect(withPlan.widestList).toBe(3);
    expect(withPlan.usesVariables).toBe(true);
    // Without variables (validation), a condition on a variable counts as taken; a literal one does not.
    expect(summarize(schema, operation, fragments).selections).toBe(5);
  });

  it('is computed once per operation and variables shape, in a bounded cache; the fragment map once per document', () => {
    const { document, operation, fragments } = parsed(
      'query ($x: Boolean!, $m: MSISDN!) { subscriber(msisdn: $m) { status @include(if: $x) { code } } }',
    );
    expect(fragmentsOf(document)).toBe(fragments);
    const first = summarize(schema, operation, fragments, { x: true, m: '50491234567' });
    // Another line, same shape: the same summary.
    expect(summarize(schema, operation, fragments, { x: true, m: '50499999999' })).toBe(first);
    expect(summarize(schema, operation, fragments, { x: false, m: '50491234567' })).not.toBe(first);
    // Past 8 shapes, the oldest is forgotten (and computed again when asked).
    for (let i = 0; i < 8; i++) summarize(schema, operation, fragments, { x: true, m: '1', [`v${i}`]: i });
    expect(summarize(schema, operation, fragments, { x: true, m: '50491234567' })).not.toBe(first);
  });

  it('serves every request from one summary when no variable decides anything', () => {
    const { operation, fragments } = parsed(
      'query ($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }',
    );
    const fixed = summarize(schema, operation, fragments);
    expect(fixed.usesVariables).toBe(false);
    expect(summarize(schema, operation, fragments, { m: '50491234567' })).toBe(fixed);
  });

  it('lists the reads under a Subscriber field, through fragments, without the skipped ones', () => {
    const { operation, fragments } = parsed(`query ($m: MSISDN!, $no: Boolean!) {
      subscriber(msisdn: $m) {
        msisdn ...Reads favorites @include(if: $no) { phoneNumber }
        ... on Subscriber { usage { hourlyByApp { totalBytes } } }
      }
    }
    fragment Reads on Subscriber { status { code } plan { id } }`);
    const summary = summarize(schema, operation, fragments, { m: '50491234567', no: false });
    const field = operation.selectionSet.selections[0] as Parameters<typeof summary.readsUnder>[0];
    expect(summary.readsUnder(field).map((r) => `${r.parent}.${r.node.name.value}`)).toEqual([
      'Subscriber.status',
      'Subscriber.plan',
      'Usage.hourlyByApp',
    ]);
  });
});

describe('mutationLines: the lines a write acts on, from the same walk', () => {
  const linesOf = mutationLines(schema, 'hn');
  const request = (query: string, variables?: Record<string, unknown>) =>
    ({ body: { query, variables } }) as unknown as FastifyRequest;

  it('takes each field the mutation runs, through fragments (each once), without the skipped ones', () => {
    const query = `mutation ($skip: Boolean!) {
      ...Writes ...Writes
      removeFavorite(input: { msisdn: "50499000003", phoneNumber: "50431110001" }) @skip(if: $skip) { response }
    }
    fragment Writes on Mutation {
      addFavorite(input: { msisdn: "50499000001", country: GT, phoneNumber: "50431110001" }) { response }
    }`;
    expect(linesOf(request(query, { skip: true }))).toEqual([{ msisdn: '50499000001', country: 'gt' }]);
    expect(linesOf(request(query, { skip: false }))).toEqual([
      { msisdn: '50499000001', country: 'gt' },
      { msisdn: '50499000003', country: 'hn' },
    ]);
  });

  it('is null for a query, and for variables execution would refuse', () => {
    expect(linesOf(request('{ __typename }'))).toBeNull();
    expect(linesOf(request('mutation ($skip: Boolean!) { __typename @skip(if: $skip) }', {}))).toBeNull();
  });
});
