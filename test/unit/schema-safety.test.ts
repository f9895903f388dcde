// Schema change safety: the committed snapshot is the schema the gateway serves, and the
// breaking-change check (scripts/schema-breaking.ts) refuses a breaking change unless the snapshot and
// a BREAKING changelog entry come with it. No git here: the decision is tested as a function.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { addsBreaking, judge, report } from '../../scripts/schema-breaking.ts';
import { printedSchema, SNAPSHOT_PATH } from '../../scripts/schema-snapshot.ts';

const NOT_ACKNOWLEDGED = { snapshotChanged: false, changelogSaysBreaking: false };
const ACKNOWLEDGED = { snapshotChanged: true, changelogSaysBreaking: true };

describe('schema/schema.snapshot.graphql', () => {
  it('is fresh: the committed snapshot is the printed schema (npm run generate)', () => {
    expect(readFileSync(SNAPSHOT_PATH, 'utf8')).toBe(printedSchema());
  });

  it('is a schema on its own (the check rebuilds old snapshots from SDL alone)', () => {
    const schema = buildSchema(printedSchema());
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(
      expect.arrayContaining(['me', 'subscriber', 'subscribers', 'line']),
    );
    expect(schema.getMutationType()?.getFields().addFavorite).toBeDefined();
  });

  it('is printed in a stable order: types sorted by name', () => {
    const types = [...printedSchema().matchAll(/^(?:type|input|enum|scalar|interface|union) (\w+)/gm)].map(
      (m) => m[1] as string,
    );
    expect(types.length).toBeGreaterThan(20);
    expect(types).toEqual([...types].sort());
  });
});

const BASE = /* GraphQL */ `
  type Query {
    subscriber(msisdn: String!, country: String): Subscriber
  }
  type Subscriber {
    msisdn: String!
    plan: String
    favorites: [String!]
  }
`;

describe('judge: the breaking-change decision', () => {
  it('passes an unchanged schema', async () => {
    const verdict = await judge(BASE, BASE, NOT_ACKNOWLEDGED);
    expect(verdict).toMatchObject({ pass: true, changes: [], breaking: [] });
  });

  it('fails on a removed field', async () => {
    const verdict = await judge(BASE, BASE.replace('plan: String\n', ''), NOT_ACKNOWLEDGED);
    expect(verdict.pass).toBe(false);
    expect(verdict.breaking.map((c) => c.type)).toEqual(['FIELD_REMOVED']);
    expect(verdict.reason).toMatch(/CHANGELOG\.md/);
  });

  it('fails on an argument made required', async () => {
    const verdict = await judge(
      BASE,
      BASE.replace('country: String)', 'country: String!)'),
      NOT_ACKNOWLEDGED,
    );
    expect(verdict.pass).toBe(false);
    expect(verdict.breaking.map((c) => c.type)).toEqual(['FIELD_ARGUMENT_TYPE_CHANGED']);
  });

  it('fails on a new required argument', async () => {
    const verdict = await judge(
      BASE,
      BASE.replace('country: String)', 'country: String, channel: Int!)'),
      NOT_ACKNOWLEDGED,
    );
    expect(verdict.pass).toBe(false);
  });

  it('passes an added field, and says what changed', async () => {
    const verdict = await judge(BASE, BASE.replace('plan: String\n', 'plan: String\n    lease: String\n'), {
      snapshotChanged: true,
      changelogSaysBreaking: false,
    });
    expect(verdict).toMatchObject({ pass: true, breaking: [] });
    expect(verdict.changes.map((c) => c.type)).toEqual(['FIELD_ADDED']);
    expect(report(verdict, 'origin/main')).toMatch(/non-breaking .*lease/);
  });

  it('passes a breaking change when the snapshot and a BREAKING changelog entry changed with it', async () => {
    const verdict = await judge(BASE, BASE.replace('plan: String\n', ''), ACKNOWLEDGED);
    expect(verdict.pass).toBe(true);
    expect(verdict.breaking).toHaveLength(1);
    expect(verdict.reason).toMatch(/acknowledged/);
    expect(report(verdict, 'origin/main')).toMatch(/BREAKING +Field 'plan' was removed/);
  });

  it('fails a breaking change acknowledged by only one of the two', async () => {
    const removed = BASE.replace('plan: String\n', '');
    for (const ack of [
      { snapshotChanged: true, changelogSaysBreaking: false },
      { snapshotChanged: false, changelogSaysBreaking: true },
    ]) {
      expect((await judge(BASE, removed, ack)).pass).toBe(false);
    }
  });

  it('judges the real schema: a removed field and a required argument are breaking, a new field is not', async () => {
    const now = printedSchema();
    expect((await judge(now, now, NOT_ACKNOWLEDGED)).changes).toEqual([]);
    const edit = (from: RegExp, to: string) => {
      const edited = now.replace(from, to);
      expect(edited).not.toBe(now);
      return edited;
    };
    // Every field and argument has a description, printed as a block string above it.
    const removed = await judge(
      now,
      edit(/^ {2}"""\n {2}The line's market\.\n {2}"""\n {2}country: Country!\n\n/m, ''),
      NOT_ACKNOWLEDGED,
    );
    expect(removed.pass).toBe(false);
    expect(removed.breaking.map((c) => c.path)).toEqual(['Subscriber.country']);
    const required = await judge(
      now,
      edit(/(^ {2}subscriber\(\n {4}"""\n[^"]*""" *\n {4}country: Country)\n/m, '$1!\n'),
      NOT_ACKNOWLEDGED,
    );
    expect(required.pass).toBe(false);
    expect(required.breaking.map((c) => c.path)).toEqual(['Query.subscriber.country']);
    const added = await judge(
      now,
      edit(/^type Subscriber \{\n/m, 'type Subscriber {\n  nickname: String\n'),
      {
        snapshotChanged: true,
        changelogSaysBreaking: false,
      },
    );
    expect(added).toMatchObject({ pass: true, breaking: [] });
    expect(added.changes.map((c) => c.path)).toEqual(['Subscriber.nickname']);
  });
});

describe('addsBreaking: reading the changelog diff', () => {
  const diff = (...lines: string[]) =>
    ['diff --git a/CHANGELOG.md b/CHANGELOG.md', '--- a/CHANGELOG.md', '+++ b/CHANGELOG.md', ...lines].join(
      '\n',
    );

  it('finds BREAKING in an added line', () => {
    expect(addsBreaking(diff('@@ -14,0 +15,1 @@', '+- BREAKING: `Subscriber.plan` is removed'))).toBe(true);
  });

  it('ignores removed lines, other words and a lowercase mention', () => {
    expect(addsBreaking(diff('-- BREAKING: an old entry', '+- Added `Subscriber.lease`'))).toBe(false);
    expect(addsBreaking(diff('+- NONBREAKING tidy-up', '+- not breaking at all'))).toBe(false);
    expect(addsBreaking('')).toBe(false);
  });
});
