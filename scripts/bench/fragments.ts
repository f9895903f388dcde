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
import { conflicting, fanOut, mesh, wide } from './documents.ts';

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
