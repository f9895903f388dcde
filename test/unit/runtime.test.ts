import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { COMPILE_CACHE, releaseStartupMemory, V8_FLAGS } from '../../src/runtime.ts';

describe('runtime', () => {
  it('runs on the Node 24 pinned in devDependencies, not the machine Node', () => {
    expect(process.version).toMatch(/^v24\./);
  });

  it("npm start gives node the gateway's V8 flags and compile cache (src/runtime.ts)", () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(scripts.start).toBe(`NODE_COMPILE_CACHE=${COMPILE_CACHE} node ${V8_FLAGS.join(' ')} src/main.ts`);
  });

  it('main.ts imports src/runtime.ts before any other module, so the flags are set before they run', () => {
    const main = readFileSync(new URL('../../src/main.ts', import.meta.url), 'utf8');
    expect(main.match(/^import .*$/m)?.[0]).toBe("import './runtime.ts';");
  });

  it('releases start-up memory without leaving a global gc behind', () => {
    releaseStartupMemory();
    expect('gc' in globalThis).toBe(false);
    // The flag is set back: a context made afterwards finds no gc either.
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
