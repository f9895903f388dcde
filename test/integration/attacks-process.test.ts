// Issue 15's "Done when": its attacks reproduced against the built gateway, `node src/main.ts` with
// NODE_ENV=production checking tokens against a JWKS on loopback, over a Sandbox process
// (scripts/attack/local.ts). The attacks are those of `npm run attack` (scripts/attack/attacks.ts);
// each prints what the gateway answered and what was measured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACKS, type Target } from '../../scripts/attack/attacks.ts';
import { startLocalTarget } from '../../scripts/attack/local.ts';

let target: Target & { close(): Promise<void> };
beforeAll(async () => {
  target = await startLocalTarget();
}, 60_000);
afterAll(() => target?.close());

describe('the attacks of issue 15 against `node src/main.ts` in production mode', () => {
  for (const attack of ATTACKS) {
    it(`${attack.finding}. ${attack.name}: ${attack.expected}`, async () => {
      const outcome = await attack.run(target);
      expect(outcome).not.toBe('skipped');
      if (outcome === 'skipped') return;
      console.log(
        `attack ${attack.finding}: ${outcome.answer}${outcome.figure ? ` (${outcome.figure})` : ''}`,
      );
      expect(outcome.problems).toEqual([]);
    }, 60_000);
  }
});
