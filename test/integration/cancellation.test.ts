// Finding 11 of issue 15: a client that goes away takes its upstream calls with it. Against a slow
// Sandbox and two upstream connections, a burst of abandoned requests: the calls in flight are cut
// (the Sandbox sees their clients leave) and the queued ones never start (the Sandbox never sees
// them), while a request that still waits gets its answer.

import { Agent, fetch } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../helpers/stack.ts';

const STATUS = 'query ($m: MSISDN!) { subscriber(msisdn: $m) { status { code } } }';
const LATENCY_MS = 2500;

let s: Stack;
const client = new Agent();
beforeAll(async () => {
  s = await startStack({ config: { cache: false, upstreamMaxSockets: 2, upstreamRetries: 0 } });
});
afterAll(async () => {
  // The abandoned connections are the client's to close; the gateway's close waits for them.
  await client.destroy();
  await s.close();
});

const total = async () => Object.values(await s.upstreamCalls()).reduce((a, b) => a + b, 0);
/** Polls until `check` holds; the deadline only bounds a failing test. */
async function until(check: () => Promise<boolean> | boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

const msisdn = () => s.upstream.demo.active.msisdn;
const graphql = (signal?: AbortSignal) =>
  fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: s.agentAuthorization },
    body: JSON.stringify({ query: STATUS, variables: { m: msisdn() } }),
    signal,
    dispatcher: client,
  });
const rest = (signal?: AbortSignal) =>
  fetch(`${s.url}/v2/tigo/mobile/hn/billing/subscribers/${msisdn()}/status`, {
    headers: { authorization: s.agentAuthorization },
    signal,
    dispatcher: client,
  });

describe('cancellation (issue 15, finding 11)', () => {
  beforeEach(async () => {
    await s.setFaults({ latencyMs: LATENCY_MS });
    await s.resetUpstreamCalls();
  });
  afterEach(() => s.setFaults({}));

  it('the queued calls of abandoned requests never start; the callers that stay get their answers', async () => {
    // Two callers that stay hold both upstream connections.
    const staying = [graphql(), rest()];
    expect(await until(async () => (await total()) === 2)).toBe(true);
    const gone = new AbortController();
    const abandoned = [
      ...Array.from({ length: 5 }, () => graphql(gone.signal)),
      ...Array.from({ length: 5 }, () => rest(gone.signal)),
    ].map((p) => p.catch((error: Error) => error.name));
    // Let them reach the gateway's queue; whether or not they all have, none may start once abandoned.
    await new Promise((resolve) => setTimeout(resolve, 300));
    gone.abort();
    expect(new Set(await Promise.all(abandoned))).toEqual(new Set(['AbortError']));

    const [fromGraphql, fromRest] = await Promise.all(staying);
    expect(await fromGraphql?.json()).toEqual({ data: { subscriber: { status: { code: 'ACTIVE' } } } });
    expect(fromRest?.status).toBe(200);
    // The connections are free now: a queued call would start at once. None does.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await s.upstreamCalls()).toEqual({ GetStatusOfSubscriberByMSISDN: 2 });
    // Given-up calls are nobody's failure: no breaker opened.
    const ready = (await (await s.fetch('/health/ready')).json()) as { breakers: unknown[] };
    expect(ready.breakers).toEqual([]);
  });

  it('a call in flight is cut when its caller goes: the upstream sees the client leave', async () => {
    const gone = new AbortController();
    const abandoned = [graphql(gone.signal), rest(gone.signal)].map((p) => p.catch((e: Error) => e.name));
    expect(await until(async () => (await total()) === 2)).toBe(true);
    gone.abort();
    expect(await Promise.all(abandoned)).toEqual(['AbortError', 'AbortError']);
    expect(await until(() => s.upstream.sandbox.abandoned() === 2)).toBe(true);
    // The gateway is whole afterwards.
    const res = await s.gql(STATUS, { m: msisdn() });
    expect(res.errors).toBeUndefined();
  });

  it('a write is never cut: its caller may retry with the same Idempotency-Key and get the stored answer', async () => {
    const phoneNumber = '50431234588';
    const key = 'cancel-write-0001';
    const write = (signal?: AbortSignal) =>
      fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: s.agentAuthorization,
          'idempotency-key': key,
        },
        body: JSON.stringify({
          query: 'mutation ($i: AddFavoriteInput!) { addFavorite(input: $i) { response } }',
          variables: { i: { msisdn: msisdn(), phoneNumber } },
        }),
        signal,
        dispatcher: client,
      });
    const gone = new AbortController();
    const abandoned = write(gone.signal).catch((error: Error) => error.name);
    expect(await until(async () => (await total()) === 1)).toBe(true);
    gone.abort();
    expect(await abandoned).toBe('AbortError');
    // The upstream answers the write in full, and the retry replays that answer: one write in all.
    const retried = await until(async () => {
      const res = await write();
      return res.status === 200 && res.headers.get('idempotent-replayed') === 'true';
    });
    expect(retried).toBe(true);
    expect(s.upstream.sandbox.abandoned()).toBe(0);
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
    await s.setFaults({});
    await s.gql('mutation ($i: RemoveFavoriteInput!) { removeFavorite(input: $i) { response } }', {
      i: { msisdn: msisdn(), phoneNumber },
    });
  });
});
