/**
 * The Prism copy of the ORIGINAL swagger (schema/upstream/original.swagger.yaml), for a mock of the
 * operator's API that the gateway can use as UPSTREAM_URL:
 *   node scripts/prism-spec.ts [market] > /tmp/original.prism.yaml
 *   npx prism mock /tmp/original.prism.yaml -p 4010
 *   UPSTREAM_URL='http://127.0.0.1:4010/v2/tigo/mobile/{country}' DEFAULT_COUNTRY=hn npm start
 *
 * The one fix: Prism serves the paths at `/` and does not read `basePath`, whose `{country}` template
 * Swagger 2.0 cannot express. Each path is written under the base path with the market filled in
 * (hn unless given), so the gateway's URL with `{country}` reaches it. Nothing else is changed.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { ORIGINAL_PATH } from '../src/contract/original.ts';

export function prismSpec(market = 'hn'): string {
  const doc = parse(readFileSync(ORIGINAL_PATH, 'utf8'));
  const base = String(doc.basePath).replace('{country}', market);
  doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [base + path, item]));
  delete doc.basePath;
  return stringify(doc);
}

if (import.meta.main) process.stdout.write(prismSpec(process.argv[2]));
