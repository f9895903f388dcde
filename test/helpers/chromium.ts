// Debian's Chromium (/usr/bin/chromium, installed by .ci/install-system-packages), driven by
// playwright-core, for the browser tests: headless, with nothing of its own on the network, and
// test host names resolved to this machine.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** In CI a missing browser is a failure (.ci/run installs it); elsewhere the suite is skipped. */
export const chromiumSkipReason =
  existsSync(CHROMIUM) || process.env.CI
    ? ''
    : `${CHROMIUM} is missing (install it with .ci/install-system-packages)`;

/** Launches Chromium with `hosts` resolving to 127.0.0.1. */
export async function launchChromium(hosts: string[]): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: CI installs it with .ci/install-system-packages before npm test`,
    );
  }
  // Playwright gives each launch a fresh, empty --user-data-dir of its own and removes it on close.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`,
    ],
  });
}
