// The Grafana dashboard (deploy/grafana/selfcare-gateway.json) asks only for metrics the gateway
// exports: after a little traffic (the dashboard query twice, so a cached catalog is hit, a REST GET,
// a NOT_FOUND and an injected upstream error), every metric named in every panel's PromQL is in
// /metrics, and every gateway_* metric of /metrics is on the dashboard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_QUERY } from '../../src/graphql/apollo.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const DASHBOARD_PATH = join(import.meta.dirname, '../../deploy/grafana/selfcare-gateway.json');
/** Every panel's data source: the dashboard's `datasource` template variable. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JS template
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

interface Target {
  expr?: string;
  refId?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: Target[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: unknown; definition?: string }[] };
}

const dashboard = JSON.parse(readFileSync(DASHBOARD_PATH, 'utf8')) as Dashboard;
/** Every panel, rows' collapsed panels included. */
const allPanels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
const queryPanels = allPanels.filter((p) => p.type !== 'row');

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names of a PromQL expression: what is left once strings, label matchers, ranges and
 * grouping clauses are taken out, minus functions (a name before "("), keywords and numbers.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of bare.matchAll(/([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = match as unknown as [string, string, string | undefined];
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

/** The metric families of a Prometheus text exposition: name → type, and the names that have samples. */
function exposition(text: string): { types: Map<string, string>; sampled: Set<string> } {
  const types = new Map<string, string>();
  const sampled = new Set<string>();
  for (const line of text.split('\n')) {
    const type = line.match(/^# TYPE (\S+) (\S+)$/);
    if (type) types.set(type[1] as string, type[2] as string);
    const sample = line.match(/^([a-zA-Z_:][\w:]*)(?:\{.*\})? \S+$/);
    if (sample) sampled.add(sample[1] as string);
  }
  return { types, sampled };
}

/** The family a sample name belongs to: a histogram's _bucket, _sum and _count belong to the histogram. */
function familyOf(name: string, types: Map<string, string>): string {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return base !== name && types.get(base) === 'histogram' ? base : name;
}

describe('the dashboard JSON', () => {
  it('reads its Prometheus data source from the `datasource` template variable', () => {
    const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(variable).toMatchObject({ type: 'datasource', query: 'prometheus' });
    for (const panel of queryPanels) {
      expect(panel.datasource, panel.title).toEqual(DATASOURCE);
      for (const target of panel.targets ?? []) {
        expect(target.datasource, panel.title).toEqual(DATASOURCE);
      }
    }
    for (const variable of dashboard.templating.list.filter((v) => v.type === 'query')) {
      expect(variable.definition, variable.name).toMatch(/^label_values\(/);
    }
  });

  it('has unique panel ids, panels inside 24 columns, and a PromQL expression with a refId in every target', () => {
    const ids = allPanels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of allPanels) {
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
    }
    expect(queryPanels.length).toBeGreaterThanOrEqual(10);
    for (const panel of queryPanels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      const refIds = (panel.targets ?? []).map((t) => t.refId);
      expect(new Set(refIds).size, panel.title).toBe(refIds.length);
      for (const { expr } of panel.targets ?? []) {
        expect(expr, panel.title).toMatch(/\S/);
        const depth = [...(expr ?? '')].reduce(
          (d, c) => (d < 0 ? d : d + (c === '(' ? 1 : c === ')' ? -1 : 0)),
          0,
        );
        expect(depth, `${panel.title}: unbalanced parentheses in ${expr}`).toBe(0);
        expect(metricNames(expr ?? '').length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
      }
    }
  });

  it('shows what operators need: requests, latency quantiles, errors, upstream, cache, breakers, batches, memory, Redis', () => {
    const exprs = queryPanels.flatMap((p) => (p.targets ?? []).map((t) => t.expr ?? ''));
    const used = new Set(exprs.flatMap(metricNames));
    for (const name of [
      'gateway_request_duration_seconds_count',
      'gateway_request_duration_seconds_bucket',
      'gateway_errors_total',
      'gateway_upstream_request_duration_seconds_bucket',
      'gateway_upstream_cache_total',
      'gateway_upstream_breaker_state',
      'gateway_dataloader_batch_size_bucket',
      'process_resident_memory_bytes',
      'gateway_shared_state_up',
    ]) {
      expect(used, name).toContain(name);
    }
    for (const q of ['0.5', '0.95', '0.99']) {
      expect(exprs).toContain(
        `histogram_quantile(${q}, sum by (le) (rate(gateway_request_duration_seconds_bucket{job=~"$job", instance=~"$instance"}[$__rate_interval])))`,
      );
    }
  });

  it('finds metric names in PromQL', () => {
    expect(
      metricNames(
        'sum by (le, operation) (rate(foo_bucket{a="b", c=~"d|e"}[$__rate_interval])) / on (x) group_left bar or vector(0)',
      ),
    ).toEqual(['foo_bucket', 'bar']);
    expect(metricNames('count(max by (operation) (gauge_x{y="by"}) == 2)')).toEqual(['gauge_x']);
  });
});

describe('every metric of every panel is in /metrics after a little traffic', () => {
  let s: Stack;
  let metrics: string;

  beforeAll(async () => {
    s = await startStack({ config: { limits: { rateLimit: 1_000_000 } } });
    const { active } = s.upstream.demo;
    const variables = { msisdn: active.msisdn, country: 'HN' };
    // The dashboard query twice: the second reads the market's offers from the HTTP cache.
    for (let i = 0; i < 2; i++) {
      const answer = await s.gql(DASHBOARD_QUERY, variables);
      expect(answer.errors).toBeUndefined();
    }
    const rest = await s.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${active.msisdn}/status`);
    expect(rest.status).toBe(200);
    const unknown = await s.gql('query Unknown { subscriber(msisdn: "50400000001") { msisdn } }');
    expect(unknown.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    await s.setFaults({ operations: { GetFavoriteNumbersByMSISDN: { errorRate: 1, kind: 'error' } } });
    const failing = await s.gql(
      'query Favorites($m: MSISDN!) { subscriber(msisdn: $m) { favorites { phoneNumber } } }',
      { m: active.msisdn },
    );
    expect(failing.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    await s.setFaults({});
    metrics = await (await fetch(`${s.url}/metrics`)).text();
  });
  afterAll(() => s?.close());

  it('the traffic shows up: a cache hit, an upstream error and a NOT_FOUND', () => {
    expect(metrics).toMatch(
      /^gateway_upstream_cache_total\{operation="GetAvailableOffersByMSISDN",result="hit"\} [1-9]/m,
    );
    expect(metrics).toMatch(
      /^gateway_upstream_request_duration_seconds_count\{[^}]*outcome="http"[^}]*\} [1-9]/m,
    );
    expect(metrics).toMatch(/^gateway_errors_total\{surface="graphql",code="NOT_FOUND"\} [1-9]/m);
    expect(metrics).toMatch(/^gateway_request_duration_seconds_count\{surface="rest",[^}]*\} [1-9]/m);
  });

  /** Counted only when the upstream drifts from the tightened contract, which the Sandbox emits by design. */
  const NEVER_FROM_THE_SANDBOX = new Set(['gateway_upstream_drift_total']);

  it.each(queryPanels.map((p) => [p.title, p] as const))('%s', (_title, panel) => {
    const { types, sampled } = exposition(metrics);
    for (const { expr } of panel.targets ?? []) {
      for (const name of metricNames(expr ?? '')) {
        const family = familyOf(name, types);
        expect(types.has(family), `${name} (in ${expr}) is not a metric of /metrics`).toBe(true);
        if (NEVER_FROM_THE_SANDBOX.has(name)) continue;
        expect(sampled.has(name), `${name} has no sample in /metrics`).toBe(true);
      }
    }
  });

  it('every gateway_* metric of /metrics is on the dashboard', () => {
    const { types } = exposition(metrics);
    const onDashboard = new Set(
      queryPanels
        .flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr ?? '')))
        .map((name) => familyOf(name, types)),
    );
    const exported = [...types.keys()].filter((name) => name.startsWith('gateway_'));
    expect(exported.length).toBeGreaterThanOrEqual(7);
    for (const name of exported) expect(onDashboard, name).toContain(name);
  });
});
