/**
 * Regenerates every generated file from its contract; with --check, only says which are stale
 * (exit 1), so CI fails when a contract changed without its generated code.
 *
 * Usage: node scripts/generate.ts [--check]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'yaml';
import {
  CONTRACT_JSON_PATH,
  CONTRACT_PATH,
  ORIGINAL_JSON_PATH,
  ORIGINAL_PATH,
} from '../src/contract/paths.ts';
import { configurationDoc } from './config-doc.ts';
import { GENERATED_TYPES_PATH, generateTypes, REPO_ROOT } from './contract-check.ts';
import { printedSchema, SNAPSHOT_PATH } from './schema-snapshot.ts';

/** graphql-codegen as codegen.yml configures it, returning the files instead of writing them. */
async function codegen(): Promise<{ path: string; content: string }[]> {
  const config = parse(await readFile(join(REPO_ROOT, 'codegen.yml'), 'utf8'));
  const files: { filename: string; content: string }[] = await generate(
    { ...config, cwd: REPO_ROOT, silent: true },
    false,
  );
  return files.map((f) => ({ path: join(REPO_ROOT, f.filename), content: f.content }));
}

/** A YAML contract as the JSON the gateway reads at start (no YAML parser at run time). */
const asJson = async (yamlPath: string) => `${JSON.stringify(parse(await readFile(yamlPath, 'utf8')))}\n`;

const targets: { path: string; produce: () => Promise<string> }[] = [
  { path: CONTRACT_JSON_PATH, produce: () => asJson(CONTRACT_PATH) },
  { path: ORIGINAL_JSON_PATH, produce: () => asJson(ORIGINAL_PATH) },
  { path: GENERATED_TYPES_PATH, produce: () => generateTypes() },
  { path: join(REPO_ROOT, 'docs/configuration.md'), produce: async () => configurationDoc() },
  { path: SNAPSHOT_PATH, produce: async () => printedSchema() },
  ...(await codegen()).map(({ path, content }) => ({ path, produce: async () => content })),
];

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const { path, produce } of targets) {
  const fresh = await produce();
  const current = await readFile(path, 'utf8').catch(() => '');
  if (fresh === current) continue;
  stale.push(relative(REPO_ROOT, path));
  if (!check) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, fresh);
  }
}

if (check && stale.length > 0) {
  console.error(`stale generated files (run npm run generate): ${stale.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log(
    stale.length > 0 ? `regenerated: ${stale.join(', ')}` : `generated files up to date (${targets.length})`,
  );
}
