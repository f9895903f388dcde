// Apollo Client 4 (InMemoryCache, HttpLink on Node's fetch) with its persisted-query link, against a
// running gateway over the Sandbox, in both modes: automatic persisted queries (APQ), and trusted
// documents with the kit's manifest. The client is the README's setup, run as printed
// (kit/apollo-client.ts); the manifest's own ids are tried too. No cache warning may be printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloClient, type DocumentNode, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { parse } from 'graphql';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from 'vitest';
import {
  AddFavoriteDocument,
  DashboardDocument,
  RemoveFavoriteDocument,
} from '../../kit/__generated__/graphql.ts';
import { createClient } from '../../kit/apollo-client.ts';
import { plainLine } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const MANIFEST = 'kit/__generated__/persisted-documents.json';

/** What each request to /graphql carried: the APQ hash, and whether the text came with it. */
interface Sent {
  hash?: string;
  query: boolean;
}

let fetchSpy: MockInstance<typeof fetch>;
let warnings: MockInstance[];
const sent = (): Sent[] =>
  fetchSpy.mock.calls
    .map(([url, init]) => ({ url: new URL(String(url)), init }))
    .filter(({ url }) => url.pathname === '/graphql')
    .map(({ url, init }) => {
      const params = url.searchParams;
      const body = (
        init?.body
          ? JSON.parse(String(init.body))
          : {
              query: params.get('query') ?? undefined,
              extensions: JSON.parse(params.get('extensions') ?? '{}'),
            }
      ) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
      return { hash: body.extensions?.persistedQuery?.sha256Hash, query: typeof body.query === 'string' };
    });

beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, 'fetch');
  warnings = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')];
});
afterEach(() => {
  // Apollo Client prints its cache's complaints (a missing __typename or field) in development.
  for (const spy of warnings) expect(spy.mock.calls).toEqual([]);
  vi.restoreAllMocks();
});

/** A line's own token and its dashboard through the client; the answer as the cache holds it. */
async function dashboard(client: ApolloClient, msisdn: string) {
  const { data } = await client.query({ query: DashboardDocument, variables: { msisdn } });
  expect(data?.subscriber?.msisdn).toBe(msisdn);
  return data;
}

/** Adds then removes a favorite through the client's mutations; both answers show the change. */
async function favoriteRoundTrip(client: ApolloClient, msisdn: string) {
  const added = await client.mutate({
    mutation: AddFavoriteDocument,
    variables: { input: { msisdn, phoneNumber: '+504 3333-5555', label: 'Oficina' } },
  });
  expect(added.data?.addFavorite.subscriber.favorites).toContainEqual({
    __typename: 'FavoriteNumber',
    phoneNumber: '50433335555',
    label: 'Oficina',
    expirationDate: null,
    planCode: null,
  });
  const removed = await client.mutate({
    mutation: RemoveFavoriteDocument,
    variables: { input: { msisdn, phoneNumber: '50433335555' } },
  });
  expect(removed.data?.removeFavorite.subscriber.favorites?.map((f) => f.phoneNumber)).not.toContain(
    '50433335555',
  );
}

describe('the README setup', () => {
  it('is printed in the README as kit/apollo-client.ts has it', () => {
    const read = (path: string) => readFileSync(join(import.meta.dirname, '../..', path), 'utf8');
    const snippet = read('kit/apollo-client.ts').split('// README:start\n')[1]?.split('// README:end')[0];
    const section = read('README.md')
      .split(/^## /m)
      .find((part) => part.startsWith('Connecting a web app'));
    const printed = /```ts\n([\s\S]*?)\n\s*```/.exec(section ?? '')?.[1];
    expect(snippet).toBeTruthy();
    expect(`${printed?.replace(/^ {3}/gm, '')}\n`).toBe(snippet);
  });
});

describe.each([
  ['APQ (TRUSTED_DOCUMENTS off)', null],
  ['trusted documents (TRUSTED_DOCUMENTS = the kit manifest)', MANIFEST],
])('%s: the README setup', (_mode, trustedDocuments) => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ config: { trustedDocuments } });
  });
  afterAll(() => s.close());

  it('sends the hash, the text once PersistedQueryNotFound (answered), and later the hash alone', async () => {
    const { msisdn } = s.upstream.demo.active;
    const token = await s.token({ msisdn });
    const data = await dashboard(createClient(`${s.url}/graphql`, token), msisdn);
    // The kit's documents select __typename everywhere: the cache normalizes what it can.
    expect(data?.subscriber?.__typename).toBe('Subscriber');
    expect(data?.subscriber?.status?.__typename).toBe('LineStatus');
    expect(data?.subscriber?.usage.percentageByApp?.records[0]?.__typename).toBe('AppUsageShare');
    const [first, retry] = sent();
    expect(sent()).toHaveLength(2);
    expect(first).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), query: false });
    expect(retry).toEqual({ hash: first?.hash, query: true });

    fetchSpy.mockClear();
    await dashboard(createClient(`${s.url}/graphql`, token), msisdn);
    expect(sent()).toEqual([{ hash: first?.hash, query: false }]);
  });

  it('runs mutations', async () => {
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 0);
    await favoriteRoundTrip(createClient(`${s.url}/graphql`, await s.token({ msisdn })), msisdn);
  });
});

describe("trusted documents: the manifest's ids, and a document off the list", () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ config: { trustedDocuments: MANIFEST } });
  });
  afterAll(() => s.close());

  it.each([
    ['POST', false],
    ['GET', true],
  ])(
    "with the manifest's ids as hashes (%s): one request each, answered with __typename",
    async (_method, useGETForHashedQueries) => {
      const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../..', MANIFEST), 'utf8'));
      const { msisdn } = s.upstream.demo.active;
      const client = new ApolloClient({
        link: new PersistedQueryLink({
          generateHash: (document: DocumentNode) =>
            (document as { __meta__?: { hash: string } }).__meta__?.hash ?? '',
          useGETForHashedQueries,
        }).concat(
          new HttpLink({
            uri: `${s.url}/graphql`,
            // A GET passes Apollo's CSRF prevention with a header a form cannot send.
            headers: {
              authorization: `Bearer ${await s.token({ msisdn })}`,
              'apollo-require-preflight': 'true',
            },
          }),
        ),
        cache: new InMemoryCache(),
      });
      const data = await dashboard(client, msisdn);
      expect(data?.subscriber?.plan?.__typename).toBe('Plan');
      const [only] = sent();
      expect(sent()).toHaveLength(1);
      expect(Object.keys(manifest)).toContain(only?.hash);
      expect(only?.query).toBe(false);
    },
  );

  it('a document off the list: the fallback gets TRUSTED_DOCUMENT_REQUIRED, and nothing runs', async () => {
    const { msisdn } = s.upstream.demo.active;
    await s.resetUpstreamCalls();
    const client = createClient(`${s.url}/graphql`, await s.token({ msisdn }));
    const query = parse('query NotInTheKit($msisdn: MSISDN!) { subscriber(msisdn: $msisdn) { msisdn } }');
    const error = await client.query({ query, variables: { msisdn } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(ServerError.is(error)).toBe(true);
    const refused = error as ServerError;
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.bodyText)).toEqual({
      errors: [
        {
          message: 'Only the trusted documents of the frontend kit are accepted',
          extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED' },
        },
      ],
    });
    expect(sent().map((r) => r.query)).toEqual([false, true]);
    expect(await s.upstreamCalls()).toEqual({});
  });
});
