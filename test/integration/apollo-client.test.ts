// Apollo Client 4 (InMemoryCache with the kit's typePolicies, HttpLink over Node's fetch) against a
// running gateway over the Sandbox: the kit's dashboard and every mutation of the kit, read back
// from the cache alone, with no warning (test/helpers/cache-clients.ts).
import type { OperationVariables } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { describe, expect, it } from 'vitest';
import {
  AddFavoriteDocument,
  FavoritesDocument,
  RemoveFavoriteDocument,
} from '../../kit/__generated__/graphql.ts';
import { typePolicies } from '../../kit/cache.ts';
import {
  type CacheClient,
  consoleWarnings,
  describeNormalizedCache,
  linesInTwoMarkets,
  recordingFetch,
} from '../helpers/cache-clients.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

// Apollo's development checks (the cache's data-loss warnings among them) run only when __DEV__ is
// set before Apollo loads: Node resolves Apollo's build without the "development" condition.
(globalThis as { __DEV__?: boolean }).__DEV__ = true;
const { ApolloClient, HttpLink, InMemoryCache } = await import('@apollo/client');
const { loadDevMessages, loadErrorMessages } = await import('@apollo/client/dev');
loadDevMessages();
loadErrorMessages();

function apollo(s: Stack, fetch: typeof globalThis.fetch, cache = new InMemoryCache({ typePolicies })) {
  const client = new ApolloClient({
    link: new HttpLink({ uri: `${s.url}/graphql`, fetch, headers: { authorization: s.agentAuthorization } }),
    cache,
  });
  const driver: CacheClient = {
    query: async <R, V>(query: TypedDocumentNode<R, V>, variables: V, from: 'network' | 'cache') => {
      const fetchPolicy = from === 'network' ? 'network-only' : 'cache-only';
      const result = await client.query({
        query: query as TypedDocumentNode<R>,
        variables: variables as OperationVariables,
        fetchPolicy,
      });
      return result.data as R | undefined;
    },
    mutate: async <R, V>(mutation: TypedDocumentNode<R, V>, variables: V) => {
      const result = await client.mutate({
        mutation: mutation as TypedDocumentNode<R>,
        variables: variables as OperationVariables,
      });
      return result.data as R;
    },
  };
  return driver;
}

describeNormalizedCache('Apollo Client 4: InMemoryCache with the kit’s typePolicies', apollo);

describe('Apollo Client 4: the checks are live', () => {
  it('runs Apollo in development mode, where the cache warns', async () => {
    const { __DEV__ } = await import('@apollo/client/utilities/environment');
    expect(__DEV__).toBe(true);
  });

  it('without the kit’s typePolicies, a shorter favorites list is a data-loss warning (the capture sees it)', async () => {
    const s = await startStack();
    const warnings = consoleWarnings();
    try {
      const { hn: msisdn } = linesInTwoMarkets(s.upstream.sandbox);
      const client = apollo(s, recordingFetch().fetch, new InMemoryCache());
      for (const phoneNumber of ['50433771101', '50433771102']) {
        await client.mutate(AddFavoriteDocument, { input: { msisdn, phoneNumber } });
      }
      await client.query(FavoritesDocument, { msisdn }, 'network');
      await client.mutate(RemoveFavoriteDocument, { input: { msisdn, phoneNumber: '50433771102' } });
      expect(warnings.messages.join('\n')).toMatch(
        /Cache data may be lost when replacing the favorites field/,
      );
    } finally {
      warnings.restore();
      await s.close();
    }
  });
});
