/**
 * The GraphQL schema as one printed SDL document, sorted so that moving a type between the files
 * of schema/graphql or reordering fields does not change it. scripts/generate.ts writes it to
 * schema/schema.snapshot.graphql (checked fresh in CI), and scripts/schema-breaking.ts compares it
 * with the snapshot of a base commit.
 */
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../src/graphql/schema.ts';

export const SNAPSHOT_PATH = join(import.meta.dirname, '../schema/schema.snapshot.graphql');
/** The snapshot's path inside the repository, for git. */
export const SNAPSHOT_GIT_PATH = 'schema/schema.snapshot.graphql';

const HEADER =
  '# The GraphQL schema of selfcare-gateway, sorted. Generated from schema/graphql/*.graphql by\n' +
  '# `npm run generate` (scripts/schema-snapshot.ts); do not edit. A breaking change needs a\n' +
  '# BREAKING entry in CHANGELOG.md (`npm run schema:breaking`).\n\n';

/**
 * graphql-js prints a short description as `"""text"""` on one line; Biome (which formats and
 * lints every .graphql file of the repository) puts the quotes on lines of their own. Printing it
 * Biome's way keeps `npm run lint` quiet about a generated file.
 */
const biomeDescriptions = (sdl: string): string =>
  sdl.replace(/^( *)"""(.*)"""$/gm, (line, indent: string, text: string) =>
    text.includes('"""') ? line : `${indent}"""\n${indent}${text}\n${indent}"""`,
  );

export function printedSchema(): string {
  return `${HEADER}${biomeDescriptions(printSchema(lexicographicSortSchema(createSchema())))}\n`;
}
