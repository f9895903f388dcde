// Swagger UI at /docs/ in a real browser: the spec renders, "Try it out" on GET status answers 200
// through the REST compatibility router, and the page loads nothing from any other host (no CDN).
// Chromium is Debian's (test/helpers/chromium.ts).
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, chromiumSkipReason as skipReason } from '../helpers/chromium.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

if (skipReason) console.warn(`Swagger UI browser test skipped: ${skipReason}`);

// Swagger UI hides its online validator badge (an image from validator.swagger.io) when the page is
// on localhost or 127.0.0.1, so the browser reaches the gateway under a non-loopback name: the
// no-other-host check then sees the page as a deployed gateway serves it.
const DOCS_HOST = 'selfcare-gateway.test';

const OPERATION = '#operations-Billing-GetStatusOfSubscriberByMSISDN';

describe.skipIf(skipReason)('Swagger UI in headless Chromium', () => {
  let s: Stack;
  let browser: Browser | undefined;
  let page: Page;
  let origin: string;
  let screenshotDir: string;
  /** Every request the page made, and those to another host (answered by nothing: aborted). */
  const requests: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    s = await startStack();
    origin = `http://${DOCS_HOST}:${new URL(s.url).port}`;
    screenshotDir = await mkdtemp(join(tmpdir(), 'swagger-ui-'));
    browser = await launchChromium([DOCS_HOST]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      requests.push(request.url());
      if (new URL(request.url()).origin !== origin) foreign.push(request.url());
    });
    // Nothing leaves the machine, whatever the network: a request elsewhere fails and is recorded.
    await page.route(
      (url) => url.origin !== origin,
      (route) => route.abort('blockedbyclient'),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    if (screenshotDir) await rm(screenshotDir, { recursive: true, force: true });
  });

  it('renders the spec, and "Try it out" on GET status answers 200', { timeout: 60_000 }, async () => {
    const { msisdn, country } = s.upstream.demo.active;

    await page.goto(`${origin}/docs/`);
    const operation = page.locator(OPERATION);
    await operation.waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.locator('.info .title').textContent())
      .toContain('REST compatibility router');

    // The contract's one server, /v2/tigo/mobile/{country}; its variable defaults to hn.
    const countrySelect = page.locator('.servers select[data-variable="country"]');
    await countrySelect.selectOption(country);
    await expect
      .poll(() => page.locator('.servers .computed-url code').textContent())
      .toBe(`/v2/tigo/mobile/${country}`);

    // The router wants a bearer token: the user pastes theirs into Swagger UI's Authorize dialog.
    const authorize = page.locator('.auth-wrapper button.authorize');
    await authorize.waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error(
        'Swagger UI shows no Authorize button: the served OpenAPI document declares no bearer security scheme, so "Try it out" cannot send a token',
      );
    });
    await authorize.click();
    const dialog = page.locator('.dialog-ux .modal-ux');
    await dialog
      .locator('input[type="text"], input[type="password"]')
      .first()
      .fill(await s.token({ msisdn, country }));
    await dialog.getByRole('button', { name: 'Apply credentials' }).click();
    await dialog.getByRole('button', { name: 'Remove authorization' }).waitFor(); // "Logout": authorized
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    await operation.locator('.opblock-summary-control').click();
    const msisdnRow = operation.locator('tr[data-param-name="MSISDN"][data-param-in="path"]');
    await msisdnRow.waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(
        'the MSISDN path parameter is not rendered: Swagger UI can leave a $ref in path-item parameters unresolved (inline them in the document src/rest/docs.ts serves)',
      );
    });
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await msisdnRow.locator('input').fill(msisdn);
    await operation.getByRole('button', { name: 'Execute' }).click();

    const live = operation.locator('.live-responses-table');
    const status = live.locator('tbody .response .response-col_status');
    await status.waitFor({ timeout: 20_000 });
    expect((await status.textContent())?.trim()).toBe('200');
    await expect
      .poll(() => operation.locator('.request-url pre').textContent())
      .toBe(`${origin}/v2/tigo/mobile/${country}/billing/subscribers/${msisdn}/status`);

    const body = await live.locator('.response-col_description .highlight-code pre').textContent();
    const shown = JSON.parse(body ?? '');
    expect(shown).toMatchObject({
      code: 'Active',
      assetType: expect.stringMatching(/^(SIM|IMEI|SIM_IMEI)$/),
    });
    const direct = await s.fetch(`/v2/tigo/mobile/${country}/billing/subscribers/${msisdn}/status`);
    expect(direct.status).toBe(200);
    expect(shown).toEqual(await direct.json());

    const png = join(screenshotDir, 'get-status.png');
    await operation.screenshot({ path: png });
    const bytes = await readFile(png);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(0); // IHDR width
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(0); // IHDR height
    // To look at it: SWAGGER_UI_SCREENSHOT=/tmp/get-status.png npx vitest run test/browser
    if (process.env.SWAGGER_UI_SCREENSHOT) await copyFile(png, process.env.SWAGGER_UI_SCREENSHOT);
  });

  it('loads nothing from any host but the gateway (no CDN, no validator badge)', () => {
    expect(requests.some((url) => url.endsWith('/rest/openapi.json'))).toBe(true);
    expect(requests.some((url) => url.endsWith('/docs/swagger-ui-bundle.js'))).toBe(true);
    expect(foreign).toEqual([]);
  });
});
