// graphql-http's GraphQL-over-HTTP server audits against /graphql, as an authenticated client.
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  s = await startStack({ config: { limits: { rateLimit: 10_000 } } });
});
afterAll(() => s.close());

describe('GraphQL over HTTP audits (graphql-http serverAudits)', () => {
  it('passes every required audit (no audit in error)', async () => {
    const fetchFn = (input: string, init: RequestInit = {}) =>
      fetch(input, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: s.agentAuthorization },
      });
    const results = await auditServer({ url: `${s.url}/graphql`, fetchFn });
    const counts = Object.fromEntries(
      ['ok', 'notice', 'warn', 'error'].map((status) => [
        status,
        results.filter((r) => r.status === status).length,
      ]),
    );
    console.log(`graphql-http audits: ${JSON.stringify(counts)}`);
    const errors = results
      .filter((r) => r.status === 'error')
      .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(errors).toEqual([]);
    expect(counts.ok).toBeGreaterThan(40);
  });
});
