/**
 * Fails when the GraphQL schema changed in a way that breaks clients, unless the change says so.
 *
 * Compares schema/schema.snapshot.graphql at a base commit with the schema printed now
 * (@graphql-inspector/core's diff). Any BREAKING change fails (exit 1) unless, between the base and
 * HEAD, the snapshot changed and CHANGELOG.md gained a line with the word BREAKING. The changes are
 * printed either way. No snapshot at the base (the check is new there): nothing to compare, pass.
 *
 * Usage: node scripts/schema-breaking.ts [--base <ref>]
 *   base: --base, else origin/main, else HEAD~1. Exit 0 pass, 1 unacknowledged breaking change,
 *   2 a bad --base or an unreadable snapshot.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { printedSchema, SNAPSHOT_GIT_PATH } from './schema-snapshot.ts';

const REPO_ROOT = join(import.meta.dirname, '..');
const CHANGELOG = 'CHANGELOG.md';

export interface Acknowledgement {
  /** The snapshot file changed between the base and HEAD. */
  snapshotChanged: boolean;
  /** CHANGELOG.md changed between the base and HEAD, and an added line says BREAKING. */
  changelogSaysBreaking: boolean;
}

export interface Verdict {
  pass: boolean;
  changes: Change[];
  breaking: Change[];
  /** Why it passes or fails, in one sentence. */
  reason: string;
}

/** The decision: a breaking change passes only when both the snapshot and a BREAKING changelog entry came with it. */
export async function judge(oldSdl: string, newSdl: string, ack: Acknowledgement): Promise<Verdict> {
  const changes = await diff(buildSchema(oldSdl), buildSchema(newSdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  if (breaking.length === 0) {
    return {
      pass: true,
      changes,
      breaking,
      reason: changes.length === 0 ? 'no schema changes' : 'no breaking changes',
    };
  }
  const n = `${breaking.length} breaking change${breaking.length === 1 ? '' : 's'}`;
  if (ack.snapshotChanged && ack.changelogSaysBreaking) {
    return {
      pass: true,
      changes,
      breaking,
      reason: `${n}, acknowledged: the snapshot changed and CHANGELOG.md has a new BREAKING entry`,
    };
  }
  const missing = [
    ...(ack.snapshotChanged
      ? []
      : [`the snapshot (${SNAPSHOT_GIT_PATH}) did not change: run npm run generate`]),
    ...(ack.changelogSaysBreaking
      ? []
      : [`${CHANGELOG} has no new line saying BREAKING: add an entry telling clients what to change`]),
  ];
  return { pass: false, changes, breaking, reason: `${n} not acknowledged; ${missing.join('; ')}` };
}

/** Whether the lines a unified diff adds contain the word BREAKING (headers and removed lines do not count). */
export function addsBreaking(unifiedDiff: string): boolean {
  return unifiedDiff
    .split('\n')
    .some((line) => line.startsWith('+') && !line.startsWith('+++') && /\bBREAKING\b/.test(line));
}

const MARK: Record<CriticalityLevel, string> = {
  [CriticalityLevel.Breaking]: 'BREAKING     ',
  [CriticalityLevel.Dangerous]: 'dangerous    ',
  [CriticalityLevel.NonBreaking]: 'non-breaking ',
};

/** One line per change, then the verdict. */
export function report(verdict: Verdict, base: string): string {
  const lines = verdict.changes.map(
    (c) =>
      `  ${MARK[c.criticality.level]} ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`,
  );
  return [
    `schema changes since ${base}: ${verdict.changes.length}`,
    ...lines,
    `${verdict.pass ? 'pass' : 'FAIL'}: ${verdict.reason}`,
  ].join('\n');
}

// --- git ---------------------------------------------------------------------------------------------

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commitExists(ref: string): boolean {
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

function fileAt(ref: string, path: string): string | null {
  try {
    return git(['show', `${ref}:${path}`]);
  } catch {
    return null;
  }
}

/** Changes of a file from the merge base of `base` and HEAD to HEAD (for HEAD~1: that commit's changes). */
const changesSince = (base: string, path: string) =>
  git(['diff', '--unified=0', `${base}...HEAD`, '--', path]);

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  let base = values.base;
  if (base !== undefined && !commitExists(base)) {
    console.error(`schema:breaking: --base ${base} is not a commit`);
    return 2;
  }
  base ??= ['origin/main', 'HEAD~1'].find(commitExists);
  if (base === undefined) {
    console.log('schema:breaking: no base commit (neither origin/main nor HEAD~1); nothing to compare: pass');
    return 0;
  }
  const old = fileAt(base, SNAPSHOT_GIT_PATH);
  if (old === null) {
    console.log(`schema:breaking: ${base} has no ${SNAPSHOT_GIT_PATH}; nothing to compare: pass`);
    return 0;
  }
  const ack: Acknowledgement = {
    snapshotChanged: changesSince(base, SNAPSHOT_GIT_PATH).trim() !== '',
    changelogSaysBreaking: addsBreaking(changesSince(base, CHANGELOG)),
  };
  const verdict = await judge(old, printedSchema(), ack);
  (verdict.pass ? console.log : console.error)(report(verdict, base));
  return verdict.pass ? 0 : 1;
}

if (import.meta.main) {
  process.exitCode = await main().catch((error: unknown) => {
    console.error(`schema:breaking: ${(error as Error).message}`);
    return 2;
  });
}
