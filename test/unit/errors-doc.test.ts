// docs/errors.md cannot drift from the code: every code of the table (src/shared/error-codes.ts) with
// each of its statuses, the REST status of the codes raised while GraphQL runs (HTTP_STATUS), the
// upstream statuses and failures codeOfUpstream maps to them, and the codes /metrics counts refusals under.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GraphQLEnumType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { codeOfUpstream } from '../../src/graphql/errors.ts';
import { refusalOf } from '../../src/graphql/refusals.ts';
import { createSchema } from '../../src/graphql/schema.ts';
import {
  CODES,
  type ErrorCode,
  EXECUTION_CODES,
  HTTP_STATUS,
  REFUSAL_CODES,
} from '../../src/shared/error-codes.ts';
import { UpstreamError, type UpstreamFailure } from '../../src/upstream/errors.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOC = read('docs/errors.md');

interface Row {
  code: string;
  graphql: string;
  rest: string;
  upstream: string;
  when: string;
  metric: string;
}

/** The rows of the table under "## The table", in order. */
function tableRows(): Row[] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith('The table')) ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| `[A-Z_]+` \|/.test(line))
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      expect(cells, line).toHaveLength(6);
      const [code, graphql, rest, upstream, when, metric] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        code: code.replace(/`/g, ''),
        graphql,
        rest,
        upstream,
        when,
        metric: metric.replace(/`/g, ''),
      };
    });
}

const rows = tableRows();
const rowsOf = (code: string) => rows.filter((r) => r.code === code);
/** The statuses a cell names (e.g. "200 (field error); 400 when refused before execution" → [200, 400]). */
const statusesIn = (cell: string) => [...cell.matchAll(/\b([1-5]\d\d)\b/g)].map((m) => Number(m[1]));

describe('docs/errors.md: the one table', () => {
  it('has a row per code, each with statuses that are HTTP statuses or "—"', () => {
    expect(rows.length).toBeGreaterThanOrEqual(EXECUTION_CODES.length + 8);
    for (const row of rows) {
      expect(statusesIn(row.graphql).length, row.code).toBeGreaterThan(0);
      expect(row.rest === '—' || /^\d{3}$/.test(row.rest), `${row.code}: REST status "${row.rest}"`).toBe(
        true,
      );
      expect(row.metric, row.code).toMatch(/^[A-Z_]+$|^\d{3}$/);
    }
  });

  it.each(EXECUTION_CODES)('%s: its first row gives the REST status of HTTP_STATUS', (code) => {
    const [first] = rowsOf(code);
    expect(first, `no row for ${code}`).toBeDefined();
    expect(first?.rest).toBe(String(HTTP_STATUS[code]));
    expect(first?.metric).toBe(code);
  });

  it('every entry of HTTP_STATUS is in the doc, and the doc’s upstream rows are the codes codeOfUpstream gives', () => {
    for (const [code, status] of Object.entries(HTTP_STATUS)) {
      expect(
        rowsOf(code).some((r) => r.rest === String(status)),
        `${code} ${status}`,
      ).toBe(true);
    }
    const op = 'GetStatusOfSubscriberByMSISDN';
    const fromUpstream = new Set([
      ...Array.from({ length: 500 }, (_, i) => codeOfUpstream(new UpstreamError('http', op, 'x', 100 + i))),
      ...(['timeout', 'unavailable', 'bad_response', 'auth'] as const).map((f) =>
        codeOfUpstream(new UpstreamError(f, op, 'x')),
      ),
    ]);
    const upstreamRows = rows.filter((r) => !/^none/.test(r.upstream));
    expect(upstreamRows.map((r) => r.code)).toEqual(EXECUTION_CODES.filter((code) => fromUpstream.has(code)));
    // FORBIDDEN is the gateway's authorization alone: no upstream answer becomes it.
    expect(fromUpstream.has('FORBIDDEN')).toBe(false);
    expect(rowsOf('FORBIDDEN')[0]?.upstream).toMatch(/^none/);
  });

  it('names every upstream status and failure kind in the row of the code it maps to', () => {
    const op = 'GetStatusOfSubscriberByMSISDN';
    for (const status of [400, 401, 403, 404, 409, 422, 429, 502, 503, 504]) {
      const code = codeOfUpstream(new UpstreamError('http', op, 'refused', status));
      expect(code).not.toBe('UPSTREAM_ERROR');
      expect(statusesIn(rowsOf(code)[0]?.upstream ?? ''), `upstream ${status} → ${code}`).toContain(status);
    }
    for (const status of [500, 418]) {
      expect(codeOfUpstream(new UpstreamError('http', op, 'failed', status))).toBe('UPSTREAM_ERROR');
    }
    expect(rowsOf('UPSTREAM_ERROR')[0]?.upstream).toMatch(/`http` any other status/);
    const failures: UpstreamFailure[] = ['timeout', 'unavailable', 'bad_response'];
    for (const failure of failures) {
      const code = codeOfUpstream(new UpstreamError(failure, op, 'failed'));
      expect(rowsOf(code)[0]?.upstream, `${failure} → ${code}`).toContain(`\`${failure}\``);
    }
  });

  it.each([
    ['RATE_LIMITED', 429, '429'],
    ['COST_LIMIT_EXCEEDED', 400, '—'],
    ['DEPTH_LIMIT_EXCEEDED', 400, '—'],
    ['ALIAS_LIMIT_EXCEEDED', 400, '—'],
    ['GRAPHQL_PARSE_FAILED', 400, '—'],
    ['GRAPHQL_VALIDATION_FAILED', 400, '—'],
    ['PERSISTED_QUERY_NOT_FOUND', 200, '—'],
    ['PAYLOAD_TOO_LARGE', 413, '413'],
    ['UNSUPPORTED_MEDIA_TYPE', 415, '415'],
    ['CONFLICT', 409, '409'],
    ['BAD_USER_INPUT', 422, '422'],
  ])('the gateway’s own %s: GraphQL %i, REST %s', (code, graphql, rest) => {
    expect(
      rowsOf(code).some((r) => statusesIn(r.graphql).includes(graphql) && r.rest === rest),
      `${code} ${graphql} ${rest}`,
    ).toBe(true);
  });

  it('every limit code of the table is in the doc with 400', () => {
    const codes = Object.keys(CODES).filter((code) => code.endsWith('_LIMIT_EXCEEDED'));
    expect(new Set(codes)).toEqual(
      new Set([
        'SELECTION_LIMIT_EXCEEDED',
        'DEPTH_LIMIT_EXCEEDED',
        'INTROSPECTION_LIMIT_EXCEEDED',
        'ALIAS_LIMIT_EXCEEDED',
        'COST_LIMIT_EXCEEDED',
      ]),
    );
    for (const code of codes) expect(rowsOf(code as string).map((r) => r.graphql)).toEqual(['400']);
  });

  it('documents every code of the table, and no other', () => {
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(Object.keys(CODES)));
  });

  it.each(Object.keys(CODES) as ErrorCode[])(
    '%s: a row for each of its statuses, on the surfaces it has',
    (code) => {
      const entry: { status: number; alsoStatus?: readonly number[]; execution?: true; graphqlOnly?: true } =
        CODES[code];
      for (const status of [entry.status, ...(entry.alsoStatus ?? [])]) {
        const rest = entry.graphqlOnly ? '—' : String(status);
        // A code raised while GraphQL runs may come as a field's error, with HTTP 200.
        const graphql = entry.execution ? [200, status] : [status];
        expect(
          rowsOf(code).some((r) => r.rest === rest && statusesIn(r.graphql).some((s) => graphql.includes(s))),
          `${code}: GraphQL ${graphql.join(' or ')}, REST ${rest}`,
        ).toBe(true);
      }
    },
  );

  it('every code the gateway refuses with before a handler runs (REFUSAL_CODES) is in the row of its status', () => {
    const labels = Object.entries(REFUSAL_CODES).map(
      ([status, code]) => [Number(status), code as string] as const,
    );
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const [status, code] of labels) {
      // The answer carries the code, and /metrics counts the refusal under the code of the answer.
      expect(
        rowsOf(code).some((r) => r.metric === code && statusesIn(r.graphql).includes(status)),
        `${status} answered and counted as ${code}`,
      ).toBe(true);
    }
  });

  it('says that REST hands on the upstream’s own status and error body', () => {
    expect(DOC).toMatch(/the upstream's own status\s+and error body/);
  });
});

describe('docs/errors.md: mutations answer the operator’s refusals as data', () => {
  const section = DOC.split(/^## /m).find((s) => s.startsWith("Mutations: the operator's refusals")) ?? '';
  const schema = createSchema();
  const userErrorCodes = (schema.getType('UserErrorCode') as GraphQLEnumType).getValues().map((v) => v.name);
  const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});

  it('documents every UserErrorCode in its table', () => {
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(userErrorCodes);
  });

  it('says REST still answers the upstream’s own refusal', () => {
    expect(section).toMatch(/a refused write answers the upstream's own 403 and error body/);
  });

  it.each(mutations)(
    '%s: one example, valid against the schema, whose refusal is the code the gateway gives its message',
    (name) => {
      const example = section.split(/^### /m).find((s) => s.startsWith(`${name}\n`));
      expect(example, `no example for ${name}`).toBeDefined();
      const document = /```graphql\n([\s\S]*?)```/.exec(example ?? '')?.[1] ?? '';
      expect(validate(schema, parse(document))).toEqual([]);
      const answer = JSON.parse(/```json\n([\s\S]*?)```/.exec(example ?? '')?.[1] ?? '{}');
      const payload = answer.data[name] as {
        response?: null;
        userErrors: { code: string; message: string }[];
      };
      expect(payload.userErrors).toHaveLength(1);
      const [refusal] = payload.userErrors as [{ code: string; message: string }];
      const op = 'GetStatusOfSubscriberByMSISDN';
      expect(refusalOf(new UpstreamError('http', op, refusal.message, 403))).toEqual(refusal);
    },
  );

  it('has an example of every mutation, and no other', () => {
    const examples = [...section.matchAll(/^### (\w+)$/gm)].map((m) => m[1]);
    expect([...examples].sort()).toEqual([...mutations].sort());
  });
});
