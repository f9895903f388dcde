import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../../src/v8-flags.ts';

describe('runtime', () => {
  it('runs on the Node 24 pinned in devDependencies, not the machine Node', () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it("npm start gives node the gateway's V8 flags (src/v8-flags.ts)", () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(scripts.start).toBe(`node ${V8_FLAGS.join(' ')} src/main.ts`);
  });
});
