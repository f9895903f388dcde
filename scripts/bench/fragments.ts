/**
 * `node scripts/bench/fragments.ts`: how long GraphQL validation (graphql-js's rules and the
 * gateway's limits, as Apollo runs them) takes for the most expensive documents found that fit the
 * request limits (MAX_TOKENS, MAX_BODY_BYTES): fragment fan-outs, wide fragments, conflicting
 * fields, deep introspection. Each document is parsed once and validated `--runs` times afresh
 * (the walk's cache is per document object, so each run gets a new parse); prints the median and
 * the worst run per document, and the inlined size the limits saw.
 *
 * Usage: node scripts/bench/fragments.ts [--runs 50]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  getIntrospectionQuery,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { loadConfig } from '../../src/config.ts';
import { limitRules } from '../../src/graphql/limits.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { fragmentsOf, summarize } from '../../src/graphql/selection.ts';

/**
 * The attack of issue 15: `fragments` fragments, each spreading the next twice, the last holding one
 * field: 2^fragments fields once inlined, in a document of a few hundred bytes.
 */
export function fanOut(fragments: number): string {
  const chain = Array.from(
    { length: fragments },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query FanOut { ...F0 }\n${chain.join('\n')}\nfragment F${fragments} on Query { __typename }`;
}

/** One fragment of `fields` fields, spread `spreads` times. */
const wide = (fields: number, spreads: number) =>
  `{ ${'...W '.repeat(spreads)}}\nfragment W on Query { ${'__typename '.repeat(fields)}}`;

/** `n` fields under one response key with different arguments: graphql-js compares every pair. */
const conflicting = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `subscriber(msisdn: "5049${String(i).padStart(7, '0')}") { msisdn }`).join(' ')} }`;

/** Every fragment spreads every later one: many spread paths, with the tokens spent on spreads. */
const mesh = (n: number) =>
  `{ ...M0 }\n${Array.from(
    { length: n },
    (_, i) =>
      `fragment M${i} on Query { __typename ${Array.from({ length: n - i - 1 }, (_, j) => `...M${i + j + 1}`).join(' ')} }`,
  ).join('\n')}`;

export const DOCUMENTS: Record<string, string> = {
  'fan-out, 20 fragments (issue 15)': fanOut(20),
  'fan-out, 90 fragments (the most MAX_TOKENS allows)': fanOut(90),
  'fragment mesh, 25 fragments': mesh(25),
  'one fragment of 900 fields spread 40 times': wide(900, 40),
  '100 conflicting subscriber fields': conflicting(100),
  'standard introspection query, every option on': getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  }),
  'the dashboard': readFileSync(join(import.meta.dirname, '../../operations/Dashboard.graphql'), 'utf8'),
};

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
  const runs = Number(values.runs);
  const schema = createSchema();
  const limits = loadConfig({}).gateway.limits;
  const rules = [...specifiedRules, ...limitRules(limits)];
  const rows: string[] = [];
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    const times: number[] = [];
    let codes = '';
    let inlined = '';
    for (let i = 0; i < runs; i++) {
      const document = parse(text, { maxTokens: limits.maxTokens });
      const start = performance.now();
      const errors = validate(schema, document, rules);
      times.push(performance.now() - start);
      codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED')))].join(
        ', ',
      );
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode;
      const summary = summarize(schema, operation, fragmentsOf(document));
      inlined = `${summary.selections.toLocaleString('en')} fields, ${summary.spreads.toLocaleString('en')} spreads`;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    const worst = times.at(-1) ?? 0;
    rows.push(
      `| ${name} | ${Buffer.byteLength(text)} | ${inlined} | ${median.toFixed(2)} | ${worst.toFixed(2)} | ${codes || 'valid'} |`,
    );
  }
  console.log(
    `Validation of ${runs} fresh parses per document (graphql-js rules + the gateway's limits at their defaults)\n`,
  );
  console.log('| document | bytes | inlined | median ms | worst ms | answer |');
  console.log('| --- | ---: | --- | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
}

if (import.meta.main) main();
