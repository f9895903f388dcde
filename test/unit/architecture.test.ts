// The dependency rules of .dependency-cruiser.cjs, over src/: no import cycle (type-only imports
// included), and dependencies that point one way (http -> rest -> graphql -> loaders -> upstream,
// with auth, observability, contract, shared and config below).
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { expect, test } from 'vitest';

test('src/ has no import cycle and no dependency against the layers', { timeout: 60_000 }, async () => {
  const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
  const { output } = await cruise(['src'], options, undefined, {
    tsConfig: extractTSConfig('tsconfig.json'),
  });
  const { summary, modules } = output as ICruiseResult;
  const broken = summary.violations.map(
    (v) => `${v.rule.name}: ${[v.from, ...(v.cycle?.map((c) => c.name) ?? [v.to])].join(' -> ')}`,
  );
  expect(broken).toEqual([]);
  // The cruise saw the gateway, type-only imports included (codegen's resolver types import the context).
  expect(modules.length).toBeGreaterThan(100);
  expect(
    modules
      .find((m) => m.source === 'src/graphql/__generated__/resolvers.ts')
      ?.dependencies.some((d) => d.resolved === 'src/graphql/context.ts'),
  ).toBe(true);
});
