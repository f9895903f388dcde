import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  it('runs on the Node 24 pinned in devDependencies, not the machine Node', () => {
    expect(process.version).toMatch(/^v24\./);
  });
});
