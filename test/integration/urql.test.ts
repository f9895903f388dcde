// urql (@urql/core) with graphcache (@urql/exchange-graphcache, the kit's keys) against a running
// gateway over the Sandbox: the kit's dashboard and every mutation of the kit, read back from the
// cache alone, with no warning (test/helpers/cache-clients.ts).
import { Client, fetchExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { describe, expect, it } from 'vitest';
import { DashboardDocument } from '../../kit/__generated__/graphql.ts';
import { keys } from '../../kit/cache.ts';
import {
  type CacheClient,
  consoleWarnings,
  describeNormalizedCache,
  linesInTwoMarkets,
  recordingFetch,
} from '../helpers/cache-clients.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

function urql(s: Stack, fetch: typeof globalThis.fetch, cache = cacheExchange({ keys })): CacheClient {
  const client = new Client({
    url: `${s.url}/graphql`,
    exchanges: [cache, fetchExchange],
    fetch,
    fetchOptions: { headers: { authorization: s.agentAuthorization } },
    // Apollo Server's CSRF prevention refuses a GET without a preflight header: POST every query.
    preferGetMethod: false,
  });
  const data = <R>(result: { data?: R; error?: unknown }): R | undefined => {
    if (result.error) throw result.error;
    return result.data;
  };
  return {
    query: async (query, variables, from) =>
      data(
        await client
          .query(query, variables as never, {
            requestPolicy: from === 'network' ? 'network-only' : 'cache-only',
          })
          .toPromise(),
      ),
    mutate: async (mutation, variables) =>
      data(await client.mutation(mutation, variables as never).toPromise()) as never,
  };
}

describeNormalizedCache('urql with graphcache and the kit’s keys', urql);

describe('urql: the checks are live', () => {
  it('without the kit’s keys, graphcache warns of every object of the dashboard that has no key (the capture sees it)', async () => {
    const s = await startStack();
    const warnings = consoleWarnings();
    try {
      const { hn: msisdn } = linesInTwoMarkets(s.upstream.sandbox);
      const client = urql(s, recordingFetch().fetch, cacheExchange({}));
      await client.query(DashboardDocument, { msisdn }, 'network');
      expect(warnings.messages.filter((m) => m.includes('Invalid key')).length).toBeGreaterThan(0);
    } finally {
      warnings.restore();
      await s.close();
    }
  });
});
