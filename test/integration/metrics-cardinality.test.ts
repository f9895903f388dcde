// Issue 15, finding 5: /metrics grew without bound, since the `operation` label was whatever name a
// client gave its operation. Now labels come from bounded sets: the frontend kit's operations
// (operations/*.graphql), the contract's operationIds and the gateway's own words; any other name
// is `other`. 1,000 distinct names leave the number of series where it was.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ config: { limits: { rateLimit: 1_000_000 } } });
});
afterAll(() => s.close());

const metricsText = async () => (await fetch(`${s.url}/metrics`)).text();
/** Every sample line of the exposition (comments left out): one per series and bucket. */
const seriesCount = (text: string) => text.split('\n').filter((line) => /^[a-zA-Z_]/.test(line)).length;
const operationLabels = (text: string) =>
  new Set(
    [...text.matchAll(/^gateway_request_duration_seconds_count\{[^}]*operation="([^"]*)"/gm)].map(
      (m) => m[1],
    ),
  );

/** Sends `count` requests, `concurrency` at a time. */
async function inBatches(count: number, concurrency: number, send: (i: number) => Promise<void>) {
  for (let start = 0; start < count; start += concurrency) {
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count - start) }, (_, j) => send(start + j)),
    );
  }
}

describe('metrics cardinality', () => {
  it('1,000 distinct operation names (valid reads, failing validation, reads by GET) add at most a few series, all under `other`', async () => {
    const { msisdn } = s.upstream.demo.active;
    // Warm up every path once, so the baseline already has the series an attacker could reach.
    await s.gql(`query Warm1 { line(msisdn: "${msisdn}") { status { code } } }`);
    await s.gql('query Warm2 { nope }');
    const before = await metricsText();

    await inBatches(1000, 25, async (i) => {
      const name = `Attack_${i}_${Math.random().toString(36).slice(2, 8)}`;
      // Thirds: a valid read, a document that fails validation, and a read sent by GET.
      if (i % 3 === 0) {
        const res = await s.gql(`query ${name} { line(msisdn: "${msisdn}") { status { code } } }`);
        expect(res.errors).toBeUndefined();
      } else if (i % 3 === 1) {
        expect((await s.gql(`query ${name} { nope }`)).status).toBe(400);
      } else {
        const res = await s.fetch(`/graphql?query=${encodeURIComponent(`query ${name} { __typename }`)}`, {
          headers: { 'apollo-require-preflight': 'true' },
        });
        expect(res.status).toBe(200);
      }
    });

    const after = await metricsText();
    expect(after).not.toMatch(/Attack_/);
    expect(seriesCount(after) - seriesCount(before)).toBeLessThanOrEqual(40);
    expect(operationLabels(after)).toContain('other');
    expect(operationLabels(after).size).toBeLessThanOrEqual(operationLabels(before).size + 2);
  }, 120_000);

  it('the kit’s operations and the REST operationIds keep their own names', async () => {
    const kit = readdirSync(join(import.meta.dirname, '../../operations')).map((f) =>
      f.replace(/\.graphql$/, ''),
    );
    expect(kit).toContain('LineStatus');
    const { msisdn } = s.upstream.demo.active;
    const res = await s.gql(
      'query LineStatus($msisdn: MSISDN!) { line(msisdn: $msisdn) { status { code } } }',
      { msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect((await s.fetch(`/v2/tigo/mobile/hn/billing/subscribers/${msisdn}/status`)).status).toBe(200);
    await s.gql(`{ line(msisdn: "${msisdn}") { status { code } } }`);
    const labels = operationLabels(await metricsText());
    for (const name of ['LineStatus', 'GetStatusOfSubscriberByMSISDN', 'anonymous']) {
      expect(labels).toContain(name);
    }
  });
});
