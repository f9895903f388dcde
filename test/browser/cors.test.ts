// A web app on another origin, in a real browser: a page served from http://127.0.0.1:<A> calls the
// gateway at http://localhost:<B> with fetch, as a frontend would (a token, JSON, preflights): it
// gets the dashboard, adds and removes a favorite, reads a REST path and the headers the gateway
// exposes. The same page served from an origin off CORS_ORIGINS is refused by the browser (fetch
// rejects), and nothing reaches the upstream. Chromium is Debian's (test/helpers/chromium.ts).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddFavoriteDocument,
  DashboardDocument,
  RemoveFavoriteDocument,
} from '../../kit/__generated__/graphql.ts';
import { originPatterns } from '../../src/config.ts';
import { launchChromium, chromiumSkipReason as skipReason } from '../helpers/chromium.ts';
import { plainLine } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

if (skipReason) console.warn(`CORS browser test skipped: ${skipReason}`);

/** A site off the list, served by the same page server (the browser resolves it to 127.0.0.1). */
const FOREIGN_HOST = 'foreign-app.test';

interface Call {
  url: string;
  method?: string;
  authorization: string;
  body?: unknown;
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: unknown[] } & Record<string, unknown>;
  correlationId: string | null;
  rateLimitRemaining: string | null;
}

/** fetch in the page, as the web app's own code runs it. */
const call = (page: Page, request: Call): Promise<Answer> =>
  page.evaluate(async ({ url, method, authorization, body }) => {
    const res = await fetch(url, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: res.status,
      body: await res.json(),
      correlationId: res.headers.get('x-correlation-id'),
      rateLimitRemaining: res.headers.get('x-ratelimit-remaining'),
    };
  }, request);

describe.skipIf(skipReason)('a web app on another origin, in headless Chromium', () => {
  let pages: Server;
  let pagePort: number;
  let s: Stack;
  let gateway: string;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    pages = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>web app</title><p>A web app on its own origin</p>');
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pagePort = (pages.address() as AddressInfo).port;
    s = await startStack({ config: { corsOrigins: originPatterns(`http://127.0.0.1:${pagePort}`) } });
    gateway = `http://localhost:${new URL(s.url).port}`;
    browser = await launchChromium([FOREIGN_HOST]);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
    await new Promise((resolve) => pages?.close(resolve));
  });

  it('gets the dashboard, adds and removes a favorite, reads a REST path and the exposed headers', {
    timeout: 30_000,
  }, async () => {
    await page.goto(`http://127.0.0.1:${pagePort}/`);
    const msisdn = plainLine(s.upstream.sandbox, 'hn', 0);
    const authorization = `Bearer ${await s.token({ msisdn })}`;
    const graphql = (query: string, variables: Record<string, unknown>) =>
      call(page, { url: `${gateway}/graphql`, authorization, body: { query, variables } });

    const dashboard = await graphql(print(DashboardDocument), { msisdn });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.errors).toBeUndefined();
    expect(dashboard.body.data?.subscriber).toMatchObject({ msisdn, status: { code: 'ACTIVE' } });
    // Exposed to the page's code: without Access-Control-Expose-Headers these read as null.
    expect(dashboard.correlationId).toMatch(/\S/);
    expect(Number(dashboard.rateLimitRemaining)).toBeGreaterThan(0);

    const added = await graphql(print(AddFavoriteDocument), {
      input: { msisdn, phoneNumber: '+504 3333-6666', label: 'Tienda' },
    });
    expect(added.status).toBe(200);
    expect(added.body.data?.addFavorite).toMatchObject({
      subscriber: {
        favorites: expect.arrayContaining([expect.objectContaining({ phoneNumber: '50433336666' })]),
      },
    });
    const removed = await graphql(print(RemoveFavoriteDocument), {
      input: { msisdn, phoneNumber: '50433336666' },
    });
    expect(removed.status).toBe(200);
    const { removeFavorite } = removed.body.data as {
      removeFavorite: { subscriber: { favorites: { phoneNumber: string }[] } };
    };
    const left = removeFavorite.subscriber.favorites;
    expect(left.map((f) => f.phoneNumber)).not.toContain('50433336666');

    const rest = await call(page, {
      url: `${gateway}/v2/tigo/mobile/hn/billing/subscribers/${msisdn}/status`,
      authorization,
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ code: 'Active' });
  });

  it('refuses the same page on an origin off the list: fetch rejects, nothing reaches the upstream', {
    timeout: 30_000,
  }, async () => {
    await page.goto(`http://${FOREIGN_HOST}:${pagePort}/`);
    const { msisdn } = s.upstream.demo.active;
    const authorization = `Bearer ${await s.token({ msisdn })}`;
    await s.resetUpstreamCalls();
    for (const request of [
      {
        url: `${gateway}/graphql`,
        authorization,
        body: { query: print(DashboardDocument), variables: { msisdn } },
      },
      { url: `${gateway}/v2/tigo/mobile/hn/billing/subscribers/${msisdn}/status`, authorization },
    ]) {
      const refused = await call(page, request).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/Failed to fetch/);
    }
    expect(await s.upstreamCalls()).toEqual({});
  });
});
