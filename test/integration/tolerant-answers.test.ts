// What a real upstream may send that the Sandbox never does: values the original contract allows
// (open status strings, currencies, offset-less times, numbers as strings, decimal byte counts,
// extra properties), answers that break it, intermediaries' statuses (502-504 pages, 429), a refusal
// of the gateway's own credentials, and writes answered with any 2xx.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Metrics } from '../../src/observability/metrics.ts';
import { type StubStack, startStubStack } from '../helpers/stub-upstream.ts';

const MSISDN = '50491234567';
const DASHBOARD = `query ($m: MSISDN!, $c: Country) { subscriber(msisdn: $m, country: $c) {
  status { code codeRaw assetType assetTypeRaw description }
  plan { id planId monthlyAmount currency dataMB offerings { category categoryRaw } }
  offers { id rank amount acquisitionMethods { id name } }
  favorites { phoneNumber label expirationDate }
  phoneLease { brand lastBillingDate nextRenewalDate }
  usage { percentageByApp(resolution: DAY) { lastUpdatedAt records { date percentage bytes } }
          hourlyByApp { totalBytes lastUpdatedAt records { bytes } } }
} }`;

/** Answers that the original contract allows and the tightened one does not. */
const DRIFTING = {
  GetStatusOfSubscriberByMSISDN: { body: { code: 'Suspended', assetType: 'eSIM', note: 'extra' } },
  GetCurrentPlanDetailsbyMSISDN: {
    body: {
      planId: '862',
      planName: 'Todo',
      monthlyAmount: '80',
      currencyId: 'Lps',
      planDataInMB: '10240.5',
      productOfferingList: [{ offeringCategory: 'roaming', extra: true }],
      surprise: { nested: [1, 2] },
    },
  },
  GetAvailableOffersByMSISDN: {
    body: [
      {
        OfferId: '104',
        OfferName: 'Mas',
        Rank: '2',
        amount: '5.46',
        currencyId: 'Lps',
        AcquisitionMethodList: [{ AcquisitionMethodId: '2', AcquisitionMethodName: 'Prepago' }],
      },
    ],
  },
  GetFavoriteNumbersByMSISDN: {
    body: [{ PhoneNumber: '+504 9988-7766', Label: 'x'.repeat(80), ExpirationDate: 'someday' }],
  },
  GetPhoneLeaseDetailsbyMSISDN: {
    body: { lastBillingDate: '2026-11-26', nextRenewalDate: 'soon', brand: 'LG' },
  },
  GetDataUsagePercentageByMSISDNPerApp: {
    body: {
      lastUpdatedAt: '2026-11-26T08:00:00',
      trafficDetails: [{ date: '2026-11-26', percentage: '12.5', trafficVolumeBytes: 1536.5, app: 'x' }],
    },
  },
  GetDataUsageByMSISDNPerHourAndApp: {
    body: {
      totalVolumeBytes: '2048.4',
      lastUpdatedAt: '2026-11-26 08:00',
      trafficDetails: [{ trafficVolumeBytes: -3 }],
    },
  },
};

describe('values the original contract allows', () => {
  let stack: StubStack;
  beforeAll(async () => {
    stack = await startStubStack();
    Object.assign(stack.answers, DRIFTING);
  });
  afterAll(async () => {
    await stack.close();
  });

  it('cost no field: open vocabularies keep their raw text, numbers as strings parse, odd dates are null leaves', async () => {
    const { data, errors } = await stack.graphql(DASHBOARD, { m: MSISDN, c: 'HN' });
    expect(errors).toBeUndefined();
    const line = data.subscriber;
    expect(line.status).toEqual({
      code: 'UNKNOWN',
      codeRaw: 'Suspended',
      assetType: 'UNKNOWN',
      assetTypeRaw: 'eSIM',
      description: null,
    });
    expect(line.plan).toEqual({
      id: 'hn:862',
      planId: '862',
      monthlyAmount: 80,
      currency: 'Lps',
      dataMB: 10240.5,
      offerings: [{ category: 'UNKNOWN', categoryRaw: 'roaming' }],
    });
    expect(line.offers).toEqual([
      { id: 'hn:104', rank: 2, amount: 5.46, acquisitionMethods: [{ id: 2, name: 'Prepago' }] },
    ]);
    // Kept exactly as stored; a date that is no date is null, and the rest of the favorite arrives.
    expect(line.favorites).toEqual([
      { phoneNumber: '+504 9988-7766', label: 'x'.repeat(80), expirationDate: null },
    ]);
    expect(line.phoneLease).toEqual({ brand: 'LG', lastBillingDate: '2026-11-26', nextRenewalDate: null });
    // Offset-less times are Tegucigalpa's wall clock (UTC-6); byte counts round to whole bytes.
    expect(line.usage.percentageByApp).toEqual({
      lastUpdatedAt: '2026-11-26T08:00:00-06:00',
      records: [{ date: '2026-11-26', percentage: 12.5, bytes: 1537 }],
    });
    expect(line.usage.hourlyByApp).toEqual({
      totalBytes: 2048,
      lastUpdatedAt: '2026-11-26T08:00:00-06:00',
      records: [{ bytes: null }],
    });
  });

  it("reads an offset-less time in the line's own market (Bogotá is UTC-5)", async () => {
    const { data, errors } = await stack.graphql(
      'query ($m: MSISDN!) { line(msisdn: $m, country: CO) { usage { percentageByApp { lastUpdatedAt } } } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.line.usage.percentageByApp.lastUpdatedAt).toBe('2026-11-26T08:00:00-05:00');
  });

  it('hands legacy REST clients the answers as sent, extra properties and odd values included', async () => {
    for (const [path, answer] of [
      ['/billing/subscribers/50491234567/status', DRIFTING.GetStatusOfSubscriberByMSISDN],
      ['/plans/subscribers/50491234567/current', DRIFTING.GetCurrentPlanDetailsbyMSISDN],
      ['/plans/subscribers/50491234567/favorites/', DRIFTING.GetFavoriteNumbersByMSISDN],
      ['/billing/subscribers/50491234567/usage/data/hourlybyapp', DRIFTING.GetDataUsageByMSISDNPerHourAndApp],
    ] as const) {
      const res = await stack.rest('GET', path);
      expect({ status: res.status, body: res.body }, path).toEqual({ status: 200, body: answer.body });
    }
  });

  it('counts drift in /metrics by operation and rule, and logs each rule at most once per interval', async () => {
    const before = await (await fetch(`${stack.url}/metrics`)).text();
    const count = (text: string, labels: string) =>
      Number(new RegExp(`gateway_upstream_drift_total\\{${labels}\\} (\\d+)`).exec(text)?.[1] ?? 0);
    const CURRENCY = 'operation="GetCurrentPlanDetailsbyMSISDN",rule="currencyId:pattern"';
    await stack.graphql(DASHBOARD, { m: MSISDN, c: 'HN' });
    await stack.graphql(DASHBOARD, { m: MSISDN, c: 'HN' });
    const after = await (await fetch(`${stack.url}/metrics`)).text();
    expect(count(after, CURRENCY) - count(before, CURRENCY)).toBe(2);
    const rules = [...after.matchAll(/gateway_upstream_drift_total\{operation="(\w+)",rule="([^"]+)"\}/g)];
    // Bounded labels: rules are places in the tightened contract's schemas, never values.
    for (const [, , rule] of rules) expect(rule).toMatch(/^(\(body\)|[\w*]+(\.[\w*]+)*):\w+$/);
    expect(new Set(rules.map(([, operation]) => operation)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('drift warnings', () => {
  it('log each rule of each operation at most once per interval, while the counter counts every one', () => {
    const metrics = new Metrics();
    const warnings: Record<string, unknown>[] = [];
    const observer = metrics.observer((fields) => warnings.push(fields));
    for (let i = 0; i < 5; i++) {
      observer.drift?.('GetCurrentPlanDetailsbyMSISDN', ['currencyId:pattern', 'monthlyAmount:type']);
      observer.drift?.('GetAvailableOffersByMSISDN', ['*.currencyId:pattern']);
    }
    expect(warnings).toEqual([
      { operation: 'GetCurrentPlanDetailsbyMSISDN', rule: 'currencyId:pattern' },
      { operation: 'GetCurrentPlanDetailsbyMSISDN', rule: 'monthlyAmount:type' },
      { operation: 'GetAvailableOffersByMSISDN', rule: '*.currencyId:pattern' },
    ]);
  });
});

describe('answers that break even the original contract', () => {
  let stack: StubStack;
  beforeAll(async () => {
    stack = await startStubStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it('are UPSTREAM_ERROR for that field only', async () => {
    stack.answers.GetStatusOfSubscriberByMSISDN = { body: { assetType: 'SIM' } };
    stack.answers.GetCurrentPlanDetailsbyMSISDN = {
      body: { planId: '1', planName: 'x', monthlyAmount: 'eighty' },
    };
    stack.answers.GetFavoriteNumbersByMSISDN = { body: [] };
    const { data, errors } = await stack.graphql(
      'query ($m: MSISDN!) { line(msisdn: $m) { status { code } plan { id } favorites { phoneNumber } } }',
      { m: MSISDN },
    );
    expect(data.line).toEqual({ status: null, plan: null, favorites: [] });
    expect(errors?.map((e) => [e.path.join('.'), e.extensions.code]).sort()).toEqual([
      ['line.plan', 'UPSTREAM_ERROR'],
      ['line.status', 'UPSTREAM_ERROR'],
    ]);
    const rest = await stack.rest('GET', '/billing/subscribers/50491234567/status');
    expect(rest.status).toBe(502);
  });
});

describe('what sits in front of the real API', () => {
  let stack: StubStack;
  beforeAll(async () => {
    stack = await startStubStack({ upstreamRetries: 2, breakerFailures: 1000 });
  });
  afterEach(() => {
    stack.received.length = 0;
    for (const key of Object.keys(stack.answers)) delete stack.answers[key as keyof typeof stack.answers];
  });
  afterAll(async () => {
    await stack.close();
  });

  const STATUS = 'query ($m: MSISDN!) { line(msisdn: $m) { status { code } } }';
  const PAGE = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';

  it.each([
    [502, 'UPSTREAM_UNAVAILABLE', 503],
    [503, 'UPSTREAM_UNAVAILABLE', 503],
    [504, 'UPSTREAM_TIMEOUT', 504],
  ])('an HTML %i page is %s, with a short message and never the page', async (status, code, restStatus) => {
    stack.answers.GetStatusOfSubscriberByMSISDN = {
      status,
      body: PAGE,
      headers: { 'content-type': 'text/html' },
    };
    const { errors } = await stack.graphql(STATUS, { m: MSISDN });
    expect(errors?.[0]).toMatchObject({ message: `The upstream answered ${status}`, extensions: { code } });
    const rest = await stack.rest('GET', '/billing/subscribers/50491234567/status');
    expect(rest.status).toBe(restStatus);
    expect(rest.body).toEqual({ code: restStatus, message: `The upstream answered ${status}` });
    expect(JSON.stringify(rest.body)).not.toContain('html');
  });

  it('a 429 is UPSTREAM_RATE_LIMITED: not retried, Retry-After honoured, the breaker untouched', async () => {
    stack.answers.GetStatusOfSubscriberByMSISDN = {
      status: 429,
      body: { code: 429, message: 'slow down' },
      headers: { 'retry-after': '30' },
    };
    const first = await stack.graphql(STATUS, { m: MSISDN });
    expect(first.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfter: 30 });
    expect(stack.received).toHaveLength(1);
    // Within Retry-After the gateway does not call again, for GraphQL or REST.
    for (let i = 0; i < 5; i++) {
      const again = await stack.graphql(STATUS, { m: MSISDN });
      expect(again.errors?.[0].extensions.code).toBe('UPSTREAM_RATE_LIMITED');
    }
    const rest = await stack.rest('GET', '/billing/subscribers/50491234567/status');
    expect(rest.status).toBe(503);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(stack.received).toHaveLength(1);
    const metrics = await (await fetch(`${stack.url}/metrics`)).text();
    expect(metrics).toContain('gateway_upstream_breaker_state{operation="GetStatusOfSubscriberByMSISDN"} 0');
    // Other operations still flow.
    stack.answers.GetFavoriteNumbersByMSISDN = { body: [] };
    const plan = await stack.graphql(
      'query ($m: MSISDN!) { line(msisdn: $m) { favorites { phoneNumber } } }',
      {
        m: MSISDN,
      },
    );
    expect(plan.errors).toBeUndefined();
  });

  it("an upstream 401 is the gateway's credentials: UPSTREAM_AUTH_FAILED (REST 502), counted for operators", async () => {
    stack.answers.GetFavoriteNumbersByMSISDN = { status: 401, body: { code: 401, message: 'invalid_token' } };
    const metric = async () =>
      Number(
        /gateway_upstream_credentials_refused_total\{operation="GetFavoriteNumbersByMSISDN"\} (\d+)/.exec(
          await (await fetch(`${stack.url}/metrics`)).text(),
        )?.[1] ?? 0,
      );
    const before = await metric();
    const { errors } = await stack.graphql(
      'query ($m: MSISDN!) { line(msisdn: $m) { favorites { phoneNumber } } }',
      {
        m: MSISDN,
      },
    );
    expect(errors?.[0].extensions.code).toBe('UPSTREAM_AUTH_FAILED');
    const rest = await stack.rest('GET', '/plans/subscribers/50491234567/favorites/');
    expect(rest.status).toBe(502);
    expect(await metric()).toBe(before + 2);
  });
});

describe('writes', () => {
  let stack: StubStack;
  beforeAll(async () => {
    stack = await startStubStack();
  });
  afterAll(async () => {
    await stack.close();
  });

  it.each([
    ['a 200 where 201 is declared', { status: 200, body: { response: 'ADDED' } }],
    ['a 204', { status: 204, body: '' }],
    ['an empty 201', { status: 201, body: '' }],
  ])('any 2xx is success: %s', async (_, answer) => {
    stack.answers.AddFavoriteNumberByMSISDN = answer;
    stack.answers.GetFavoriteNumbersByMSISDN = { body: [] };
    const { data, errors } = await stack.graphql(
      'mutation ($m: MSISDN!) { addFavorite(input: { msisdn: $m, phoneNumber: "50499887766" }) { response subscriber { msisdn } } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.addFavorite.subscriber.msisdn).toBe(MSISDN);
    const rest = await stack.rest('POST', '/plans/subscribers/50491234567/favorites/', {
      PhoneNumber: '50499887766',
    });
    expect(rest.status).toBe(answer.status);
    expect(rest.body).toEqual(answer.body === '' ? undefined : answer.body);
  });

  it('an empty 2xx to a status change reads the new status', async () => {
    stack.answers.UpdateStatusOfSubscriberByMSISDN = { status: 204, body: '' };
    stack.answers.GetStatusOfSubscriberByMSISDN = { body: { code: 'Blocked', assetType: 'SIM' } };
    const { data, errors } = await stack.graphql(
      'mutation ($m: MSISDN!) { updateStatus(input: { msisdn: $m, code: BLOCKED, assetType: SIM }) { status { code } } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.updateStatus.status).toEqual({ code: 'BLOCKED' });
  });

  it('a 2xx whose body cannot be read is a success too; REST hands on what came', async () => {
    stack.answers.UpdateStatusOfSubscriberByMSISDN = { status: 200, body: { code: 7 } };
    stack.answers.GetStatusOfSubscriberByMSISDN = { body: { code: 'Active', assetType: 'SIM' } };
    const { data, errors } = await stack.graphql(
      'mutation ($m: MSISDN!) { updateStatus(input: { msisdn: $m, code: ACTIVE, assetType: SIM }) { status { code } } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.updateStatus.status).toEqual({ code: 'ACTIVE' });
    const rest = await stack.rest('PUT', '/billing/subscribers/50491234567/status', {
      code: 'Active',
      assetType: 'SIM',
    });
    expect({ status: rest.status, body: rest.body }).toEqual({ status: 200, body: { code: 7 } });
    stack.answers.PurchaseOfferbyMSISDNandOfferId = {
      status: 201,
      body: 'OK',
      headers: { 'content-type': 'text/plain' },
    };
    const bought = await stack.graphql(
      'mutation ($m: MSISDN!) { purchaseOffer(input: { msisdn: $m, offerId: "104" }) { response } }',
      { m: MSISDN },
    );
    expect(bought.errors).toBeUndefined();
    expect(bought.data.purchaseOffer).toEqual({ response: null });
  });

  it('UNKNOWN is never sent upstream as a status change', async () => {
    stack.received.length = 0;
    const { errors } = await stack.graphql(
      'mutation ($m: MSISDN!) { updateStatus(input: { msisdn: $m, code: UNKNOWN, assetType: SIM }) { status { code } } }',
      { m: MSISDN },
    );
    expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(stack.received).toEqual([]);
  });

  it('removing a favorite sends the stored value back unchanged, however the client wrote it', async () => {
    const stored = '+504 9988-7766';
    stack.answers.GetFavoriteNumbersByMSISDN = { body: [{ PhoneNumber: stored }] };
    stack.received.length = 0;
    const removals: unknown[] = [];
    stack.answers.DeleteFavoriteNumberByMSISDN = () => {
      const body = stack.received.at(-1)?.body as { PhoneNumber: string };
      removals.push(body.PhoneNumber);
      return body.PhoneNumber === stored
        ? { body: { response: 'DELETED' } }
        : { status: 404, body: { code: 404, message: 'not a favorite' } };
    };
    const { data, errors } = await stack.graphql(
      'mutation ($m: MSISDN!) { removeFavorite(input: { msisdn: $m, phoneNumber: "504-9988-7766" }) { response } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.removeFavorite.response).toBe('DELETED');
    expect(removals).toEqual(['50499887766', stored]);
    // A legacy client that sends the stored value gets it sent as it is.
    removals.length = 0;
    const rest = await stack.rest('DELETE', '/plans/subscribers/50491234567/favorites/', {
      PhoneNumber: stored,
    });
    expect(rest).toMatchObject({ status: 200, body: { response: 'DELETED' } });
    expect(removals.at(-1)).toBe(stored);
  });
});
