/**
 * `node scripts/bench/fragments.ts`: how long GraphQL validation (graphql-js's rules and the
 * gateway's limits, as Apollo runs them) takes for the most expensive documents found that fit the
 * request limits (MAX_TOKENS, MAX_BODY_BYTES): fragment fan-outs, wide fragments, conflicting
 * fields, deep introspection. Each document is parsed once and validated `--runs` times afresh
 * (the walk's cache is per document object, so each run gets a new parse); prints the CPU time of
 * this thread (median and worst run: the first runs include V8's compilation) and the median wall
 * time per document, and the inlined size the limits saw.
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
import { EVERY_INTROSPECTION_OPTION, limitRules } from '../../src/graphql/limits.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import { fragmentsOf, summarize } from '../../src/graphql/selection.ts';
import { conflicting, fanOut, mesh, wide } from './documents.ts';

export const DOCUMENTS: Record<string, string> = {
  'fan-out, 20 fragments (issue 15)': fanOut(20),
  'fan-out, 90 fragments (the most MAX_TOKENS allows)': fanOut(90),
  'fragment mesh, 25 fragments': mesh(25),
  'one fragment of 900 fields spread 40 times': wide(900, 40),
  '100 conflicting subscriber fields': conflicting(100),
  'standard introspection query, every option on': getIntrospectionQuery(EVERY_INTROSPECTION_OPTION),
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
    const cpu: number[] = [];
    let codes = '';
    let inlined = '';
    for (let i = 0; i < runs; i++) {
      const document = parse(text, { maxTokens: limits.maxTokens });
      const start = performance.now();
      const used = process.threadCpuUsage();
      const errors = validate(schema, document, rules);
      const { user, system } = process.threadCpuUsage(used);
      times.push(performance.now() - start);
      cpu.push((user + system) / 1000);
      codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED')))].join(
        ', ',
      );
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      ) as OperationDefinitionNode;
      const summary = summarize(schema, operation, fragmentsOf(document));
      inlined = `${summary.selections.toLocaleString('en')} fields, ${summary.spreads.toLocaleString('en')} spreads`;
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const worstCpu = Math.max(...cpu);
    rows.push(
      `| ${name} | ${Buffer.byteLength(text)} | ${inlined} | ${median(cpu).toFixed(2)} | ${worstCpu.toFixed(2)} | ${median(times).toFixed(2)} | ${codes || 'valid'} |`,
    );
  }
  console.log(
    `Validation of ${runs} fresh parses per document (graphql-js rules + the gateway's limits at their defaults)\n`,
  );
  console.log('| document | bytes | inlined | CPU ms, median | CPU ms, worst | wall ms, median | answer |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
}

if (import.meta.main) main();
