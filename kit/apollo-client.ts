// The Apollo Client setup of the README ("Connecting a web app"), as printed there: the README quotes
// the lines between the markers, and test/integration/persisted-link.test.ts runs this file.
// README:start
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { typePolicies } from './cache.ts';
import { sha256 } from './sha256.ts';

export function createClient(uri: string, token: string) {
  const http = new HttpLink({ uri, headers: { authorization: `Bearer ${token}` } });
  const link = new PersistedQueryLink({ sha256 }).concat(http);
  return new ApolloClient({ link, cache: new InMemoryCache({ typePolicies }) });
}
// README:end
