// The gateway's dependency rules, checked by test/unit/architecture.test.ts (and `npx depcruise src`):
// no import cycle, and dependencies that point one way:
//   http -> rest -> graphql -> loaders -> upstream, with auth, observability, contract, shared and
//   config below them. Type-only imports count: a cycle of types is a cycle of ideas.
const layer = (name, from, above) => ({
  name,
  severity: 'error',
  comment: `${from} imports nothing from ${above.join(', ')}, which sit above it`,
  from: { path: `^src/${from}` },
  to: { path: `^src/(${above.join('|')})/` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules in it cannot be understood, loaded or tested one at a time',
      from: {},
      to: { circular: true },
    },
    layer('rest-below-http', 'rest/', ['http']),
    layer('graphql-below-rest', 'graphql/', ['http', 'rest']),
    layer('loaders-below-graphql', 'loaders/', ['http', 'rest', 'graphql']),
    layer('upstream-below-loaders', 'upstream/', ['http', 'rest', 'graphql', 'loaders', 'auth']),
    layer('auth-below-graphql', 'auth/', ['http', 'rest', 'graphql', 'loaders', 'upstream', 'observability']),
    layer('leaves', '(shared|contract)/|^src/config\\.ts$', [
      'http',
      'rest',
      'graphql',
      'loaders',
      'upstream',
      'auth',
      'observability',
      'sandbox',
    ]),
    {
      ...layer('observability-low', 'observability/', ['http', 'rest', 'graphql', 'loaders']),
      comment: 'observability is read by every layer above the upstream, so it imports none of them',
    },
    {
      name: 'observability-implements-only',
      severity: 'error',
      comment:
        'observability implements the observer interfaces of upstream/ and auth/: their types, never their code',
      from: { path: '^src/observability/' },
      to: { path: '^src/(upstream|auth)/', dependencyTypesNot: ['type-only'] },
    },
    layer('sandbox-apart', 'sandbox/', ['http', 'rest', 'graphql', 'loaders', 'upstream', 'auth']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
