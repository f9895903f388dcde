// The REST compatibility router against the upstream itself. Twin design: a gateway over sandbox A,
// and a plain sandbox B with the same seed and the same fixed clock. Every request goes to the
// gateway and then to B, in the same order, so both databases stay in step (same favorites, same
// request ids, same dates); the router must answer what B answers: status, JSON body (key order
// aside), Content-Type, and a body that fits the contract. Bad input must not reach sandbox A.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { document, operations, validateResponse } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import type { SandboxOptions } from '../../src/sandbox/server.ts';
import { lineTaker, operationPath, plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';
import { type Stack, startStack } from '../helpers/stack.ts';

const FIXED = Date.parse('2026-03-10T12:34:56.789Z');
const SANDBOX: SandboxOptions = { subscribers: 1000, now: () => FIXED };
const JSON_TYPE = 'application/json; charset=utf-8';
const UNKNOWN = '50480000000';
const MAX_BODY = 64 * 1024;

let s: Stack;
let b: TestSandbox;
beforeAll(async () => {
  // The gateway is called as the stack's agent (it may reach every line); the sandbox ignores the
  // token. The rate limit is lifted: this file sends far more than one window's worth.
  [s, b] = await Promise.all([
    // The HTTP cache is off: these tests count the upstream calls each route makes.
    startStack({ sandbox: SANDBOX, config: { cache: false, limits: { rateLimit: 1_000_000 } } }),
    startSandbox(SANDBOX),
  ]);
});
afterAll(async () => {
  await s?.close();
  await b?.close();
});
beforeEach(() => s.resetUpstreamCalls());

// --- requests -------------------------------------------------------------------------------------

type Slash = 'as written' | 'toggled';

interface Req {
  msisdn?: string;
  country?: string;
  offerId?: string;
  query?: Record<string, string>;
  /** A JSON body, sent as application/json. */
  json?: unknown;
  /** A raw body, sent with `contentType` (fetch's text/plain when that is not given). */
  raw?: string;
  /** The Content-Type header; null sends none at all, even with a body. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** The path as the contract writes it, or with its trailing slash added or dropped. */
  slash?: Slash;
  method?: string;
}

interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

const opOf = (operationId: OperationId) => {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  return op;
};
const ALL: OperationId[] = operations.map((o) => o.operationId);
const WITH_BODY: OperationId[] = operations.filter((o) => o.validateBody).map((o) => o.operationId);
const READS: OperationId[] = operations.filter((o) => o.method === 'get').map((o) => o.operationId);

function pathOf(operationId: OperationId, req: Req): string {
  const full = operationPath(operationId, {
    msisdn: req.msisdn ?? s.upstream.demo.active.msisdn,
    country: req.country,
    path: { offerId: req.offerId ?? '104' },
    query: req.query,
  });
  if (req.slash !== 'toggled') return full;
  const [path = '', query] = full.split('?');
  const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  return query === undefined ? toggled : `${toggled}?${query}`;
}

function initOf(method: string, req: Req): RequestInit {
  const headers: Record<string, string> = { ...req.headers };
  let body: string | Uint8Array | undefined;
  if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['content-type'] = 'application/json';
  }
  if (req.raw !== undefined) body = req.raw;
  if (typeof req.contentType === 'string') headers['content-type'] = req.contentType;
  if (req.contentType === null) {
    delete headers['content-type'];
    // fetch labels a string body text/plain; bytes go out with no Content-Type.
    if (body !== undefined) body = new TextEncoder().encode(String(body));
  }
  return { method, headers, body: body as BodyInit | undefined, redirect: 'manual' };
}

/** A removal answered 404 looks once for the number as the upstream stored it (src/graphql/resolvers/mutations.ts). */
// The router sends a favorite's number as the client wrote it, so a 404 needs no look-up of another spelling.
const callsOf404 = (operationId: OperationId) => ({ [operationId]: 1 });

/** One request to the gateway (with the agent's token) or to sandbox B. */
async function send(to: 'gateway' | 'upstream', path: string, init: RequestInit): Promise<Reply> {
  const res = to === 'gateway' ? await s.fetch(path, init) : await fetch(b.url + path, init);
  const text = await res.text();
  const json = res.headers.get('content-type')?.startsWith('application/json') && text !== '';
  return { status: res.status, body: json ? JSON.parse(text) : text, headers: res.headers };
}

/** The same request to the gateway, then to sandbox B. */
async function twin(operationId: OperationId, req: Req = {}): Promise<{ a: Reply; b: Reply; label: string }> {
  const method = req.method ?? opOf(operationId).method.toUpperCase();
  const path = pathOf(operationId, req);
  const a = await send('gateway', path, initOf(method, req));
  const other = await send('upstream', path, initOf(method, req));
  return { a, b: other, label: `${method} ${path}` };
}

/**
 * The same request to both: equal status and body, JSON on both sides, a body that fits the
 * contract, and (when given) the status expected. Returns the gateway's answer.
 */
async function same(operationId: OperationId, req: Req = {}, status?: number): Promise<Reply> {
  const { a, b: other, label } = await twin(operationId, req);
  expect({ status: a.status, body: a.body }, `${label}: router vs upstream`).toEqual({
    status: other.status,
    body: other.body,
  });
  expect(a.headers.get('content-type'), `${label}: router Content-Type`).toBe(JSON_TYPE);
  expect(other.headers.get('content-type'), `${label}: upstream Content-Type`).toBe(JSON_TYPE);
  expect(validateResponse(operationId, a.status, a.body), `${label}: fits the contract`).toEqual([]);
  if (status !== undefined) expect(a.status, label).toBe(status);
  return a;
}

/** Bad input: the gateway answers `status` with the operation's error body, and sandbox A sees nothing. */
async function refusedBeforeUpstream(operationId: OperationId, req: Req, status: number): Promise<Reply> {
  await s.resetUpstreamCalls();
  const a = await same(operationId, req, status);
  expect(await s.upstreamCalls(), `${operationId}: no upstream call`).toEqual({});
  return a;
}

/**
 * Bad input that the gateway refuses before its router runs (Fastify's own checks): the same status
 * and the operation's error body as the upstream, in the gateway's own words, and no upstream call.
 */
async function refusedInOtherWords(operationId: OperationId, req: Req, status: number): Promise<Reply> {
  await s.resetUpstreamCalls();
  const { a, b: other, label } = await twin(operationId, req);
  expect([a.status, other.status], label).toEqual([status, status]);
  expect(a.headers.get('content-type'), label).toBe(JSON_TYPE);
  expect(validateResponse(operationId, status, a.body), label).toEqual([]);
  expect(a.body, label).toMatchObject(errorShape(operationId, status));
  expect(Object.keys(a.body as object).sort(), label).toEqual(Object.keys(other.body as object).sort());
  expect(await s.upstreamCalls(), `${operationId}: no upstream call`).toEqual({});
  return a;
}

/**
 * Input the original contract accepts and a narrower GraphQL type would refuse: it reaches sandbox A
 * (one call) and its own answer, whatever it is, is handed on (the same as sandbox B's).
 */
async function handedOn(operationId: OperationId, req: Req): Promise<Reply> {
  await s.resetUpstreamCalls();
  const a = await same(operationId, req);
  expect(await s.upstreamCalls(), `${operationId}: the upstream was asked`).toEqual({ [operationId]: 1 });
  return a;
}

const errorShape = (operationId: OperationId, status: number) =>
  opOf(operationId).errorSchema === 'UsageError'
    ? { statusCode: status, code: expect.any(String), message: expect.any(String) }
    : { code: status, message: expect.any(String) };

/** A body the contract accepts for each operation that takes one. */
const BODIES: Partial<Record<OperationId, unknown>> = {
  UpdateStatusOfSubscriberByMSISDN: { code: 'Active', assetType: 'SIM' },
  AddFavoriteNumberByMSISDN: { PhoneNumber: '50499887766', Label: 'Casa' },
  DeleteFavoriteNumberByMSISDN: { PhoneNumber: '50499887766' },
  UpdateCurrentPlanByMSISDN: { planId: '803' },
  CreateUpgradeRequestbyMSISDN: { planId: '863' },
  CreateSubscriptionRequestsbyMSISDN: {
    name: 'Karen Aguilar',
    planId: '236',
    planName: 'Linea Adicional 3GB',
    monthlyAmount: 200,
    currencyId: 'HNL',
    categoryName: 'Linea Adicional',
  },
};
const valid = (operationId: OperationId, req: Req = {}): Req => ({ json: BODIES[operationId], ...req });

// --- lines, from sandbox A's database (B's is the same seed) ----------------------------------------

const get = <T>(sql: string, ...params: string[]): T | undefined =>
  s.upstream.sandbox.db.prepare(sql).get(...params) as T | undefined;
const favoriteCount = (msisdn: string) =>
  (get<{ n: number }>('SELECT count(*) AS n FROM favorites WHERE msisdn = ?', msisdn) as { n: number }).n;
const owns = (msisdn: string, offerId: string) =>
  get('SELECT 1 FROM acquired_offers WHERE msisdn = ? AND offer_id = ?', msisdn, offerId) !== undefined;
const planOf = (msisdn: string) =>
  (
    get<{ plan_id: string }>('SELECT plan_id FROM subscribers WHERE msisdn = ?', msisdn) as {
      plan_id: string;
    }
  ).plan_id;
const pending = (msisdn: string) =>
  get("SELECT 1 FROM upgrade_requests WHERE msisdn = ? AND status = 'PENDING'", msisdn) !== undefined;

const freshLine = lineTaker(() => s.upstream.sandbox);
const demo = () => s.upstream.demo;
const ids = (body: unknown, key: string) => (body as Record<string, unknown>[]).map((x) => x[key]);

// --- every operation succeeds, at its path with and without the trailing slash ---------------------

const SUCCESS: Record<OperationId, (slash: Slash) => Promise<void>> = {
  GetStatusOfSubscriberByMSISDN: async (slash) => {
    const r = await same('GetStatusOfSubscriberByMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(r.body).toEqual({ code: 'Active', assetType: 'SIM_IMEI', description: 'SIM and device active' });
  },
  UpdateStatusOfSubscriberByMSISDN: async (slash) => {
    const msisdn = freshLine();
    const json = { code: 'Blocked', assetType: 'IMEI', updateReason: 'Robo de telefono', name: 'Karen' };
    const r = await same('UpdateStatusOfSubscriberByMSISDN', { msisdn, slash, json }, 200);
    expect(r.body).toMatchObject({ code: 'Blocked', assetType: 'IMEI' });
    await same('GetStatusOfSubscriberByMSISDN', { msisdn }, 200);
  },
  GetDataUsageByMSISDNPerHourAndApp: async (slash) => {
    const r = await same('GetDataUsageByMSISDNPerHourAndApp', { msisdn: demo().active.msisdn, slash }, 200);
    expect(r.body).toMatchObject({ code: '0', description: 'OK', trafficDetails: expect.any(Array) });
    expect((r.body as { trafficDetails: unknown[] }).trafficDetails.length).toBeGreaterThan(0);
  },
  GetDataUsagePercentageByMSISDNPerApp: async (slash) => {
    const r = await same(
      'GetDataUsagePercentageByMSISDNPerApp',
      { msisdn: demo().active.msisdn, slash },
      200,
    );
    const details = (r.body as { trafficDetails: { hour?: string }[] }).trafficDetails;
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((d) => typeof d.hour === 'string')).toBe(true); // HOUR by default
  },
  GetFavoriteNumbersByMSISDN: async (slash) => {
    const r = await same('GetFavoriteNumbersByMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(r.body).toHaveLength(favoriteCount(demo().active.msisdn));
  },
  AddFavoriteNumberByMSISDN: async (slash) => {
    const msisdn = freshLine((m) => favoriteCount(m) < 5);
    const json = {
      PhoneNumber: '+50499887766',
      Label: 'Casa',
      ExpirationDate: '2026-12-31',
      PlanCode: 'FAV1',
    };
    const r = await same('AddFavoriteNumberByMSISDN', { msisdn, slash, json }, 201);
    expect(r.body).toMatchObject({ response: 'ADDED' });
    const list = await same('GetFavoriteNumbersByMSISDN', { msisdn }, 200);
    expect(list.body).toContainEqual({
      PhoneNumber: '50499887766',
      Label: 'Casa',
      ExpirationDate: '2026-12-31',
      PlanCode: 'FAV1',
    });
  },
  DeleteFavoriteNumberByMSISDN: async (slash) => {
    const msisdn = freshLine((m) => favoriteCount(m) < 5);
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499880011' } }, 201);
    const r = await same(
      'DeleteFavoriteNumberByMSISDN',
      { msisdn, slash, json: { PhoneNumber: '50499880011' } },
      200,
    );
    expect(r.body).toMatchObject({ response: 'DELETED' });
  },
  GetAvailableOffersByMSISDN: async (slash) => {
    const r = await same('GetAvailableOffersByMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect((r.body as unknown[]).length).toBeGreaterThan(0);
  },
  PurchaseOfferbyMSISDNandOfferId: async (slash) => {
    const msisdn = freshLine((m) => !owns(m, '104'));
    const r = await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '104', slash }, 201);
    expect(r.body).toMatchObject({ response: 'ACQUIRED' });
  },
  DeleteOfferbyMSISDNandOfferId: async (slash) => {
    const msisdn = freshLine((m) => !owns(m, '105'));
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '105' }, 201);
    const r = await same('DeleteOfferbyMSISDNandOfferId', { msisdn, offerId: '105', slash }, 201);
    expect(r.body).toMatchObject({ response: 'DELETED' });
  },
  GetPhoneLeaseDetailsbyMSISDN: async (slash) => {
    const r = await same('GetPhoneLeaseDetailsbyMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(r.body).toMatchObject({
      lastBillingDate: expect.any(String),
      nextRenewalDate: expect.any(String),
    });
  },
  GetCurrentPlanDetailsbyMSISDN: async (slash) => {
    const r = await same('GetCurrentPlanDetailsbyMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(r.body).toMatchObject({ planId: '802', currencyId: 'HNL' });
  },
  UpdateCurrentPlanByMSISDN: async (slash) => {
    const msisdn = freshLine((m) => planOf(m) !== '861');
    const r = await same('UpdateCurrentPlanByMSISDN', { msisdn, slash, json: { planId: '861' } }, 200);
    expect(r.body).toMatchObject({ response: 'UPDATED' });
  },
  GetAvailablePlansbyMSISDN: async (slash) => {
    const r = await same('GetAvailablePlansbyMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(ids(r.body, 'planId').sort()).toEqual(['236', '237', '801', '802', '803', '861', '862', '863']);
  },
  GetAvailablePlansUpgradesbyMSISDN: async (slash) => {
    const r = await same('GetAvailablePlansUpgradesbyMSISDN', { msisdn: demo().active.msisdn, slash }, 200);
    expect(ids(r.body, 'planId')).toEqual(['803', '861', '862', '863']);
  },
  GetUpgradeStatusbyMSISDN: async (slash) => {
    const r = await same('GetUpgradeStatusbyMSISDN', { msisdn: demo().pendingUpgrade.msisdn, slash }, 200);
    expect(r.body).toMatchObject({ response: 'PENDING' });
  },
  CreateUpgradeRequestbyMSISDN: async (slash) => {
    const msisdn = freshLine((m) => planOf(m) !== '863' && !pending(m));
    const json = { planId: '863', planName: 'Todo Sin Limites Ilimitado', email: 'karen@correo.example' };
    const r = await same('CreateUpgradeRequestbyMSISDN', { msisdn, slash, json }, 200);
    expect(r.body).toMatchObject({ response: expect.stringMatching(/^\d+$/) });
  },
  CreateSubscriptionRequestsbyMSISDN: async (slash) => {
    const msisdn = freshLine();
    const json = {
      ...(BODIES.CreateSubscriptionRequestsbyMSISDN as object),
      email: 'karen@correo.example',
      fromPlan: 'TigoApp',
      AdditionalSubscriptionsList: [
        { planId: '237', planName: 'Linea Adicional Familiar 8GB', monthlyAmount: 300 },
      ],
    };
    const r = await same('CreateSubscriptionRequestsbyMSISDN', { msisdn, slash, json }, 200);
    expect(r.body).toMatchObject({ message: expect.stringContaining('1 additional subscription') });
  },
};

describe('every operation succeeds as the upstream does', () => {
  it('covers all 18 operations of the contract', () => {
    expect(ALL).toHaveLength(18);
    expect(Object.keys(SUCCESS).sort()).toEqual([...ALL].sort());
  });

  it.each(
    ALL.flatMap((operationId) => (['as written', 'toggled'] as const).map((slash) => [operationId, slash])),
  )('%s, trailing slash %s', async (operationId, slash) => {
    await SUCCESS[operationId as OperationId](slash as Slash);
  });

  it('answers 201 for POST favorites and POST/DELETE acquiredoffers, as the contract', () => {
    expect(opOf('AddFavoriteNumberByMSISDN').successStatus).toBe(201);
    expect(opOf('PurchaseOfferbyMSISDNandOfferId').successStatus).toBe(201);
    expect(opOf('DeleteOfferbyMSISDNandOfferId').successStatus).toBe(201);
  });

  // Every read of many lines (all demo cases, blocked lines, lines of every market) answers alike.
  it('every read of every demo line and of lines in every market', async () => {
    const blocked = s.upstream.sandbox.db
      .prepare(
        "SELECT msisdn, country FROM subscribers WHERE sim_status = 'Blocked' OR imei_status = 'Blocked' ORDER BY msisdn LIMIT 4",
      )
      .all() as { msisdn: string; country: string }[];
    const lines = [
      ...Object.values(demo()),
      ...blocked,
      ...['bo', 'co', 'gt', 'hn', 'ni', 'pa', 'py', 'sv'].map((country) => ({
        msisdn: plainLine(s.upstream.sandbox, country, 1),
        country,
      })),
    ];
    for (const line of lines) for (const operationId of READS) await same(operationId, line, undefined);
  });
});

// --- the refusals each operation has ---------------------------------------------------------------

describe('refusals answer as the upstream does', () => {
  it('the unknown MSISDN is not in the seed', () => {
    expect(get('SELECT 1 FROM subscribers WHERE msisdn = ?', UNKNOWN)).toBeUndefined();
  });

  it.each(ALL)('%s: an unknown MSISDN is the upstream 404, after one upstream call', async (operationId) => {
    const a = await same(operationId, valid(operationId, { msisdn: UNKNOWN }), 404);
    expect(a.body).toMatchObject(errorShape(operationId, 404));
    expect(await s.upstreamCalls()).toEqual(callsOf404(operationId));
  });

  it.each(ALL)('%s: a line of another market is the upstream 404', async (operationId) => {
    await same(operationId, valid(operationId, { msisdn: demo().active.msisdn, country: 'gt' }), 404);
    expect(await s.upstreamCalls()).toEqual(callsOf404(operationId));
  });

  it.each(ALL)('%s: an unknown market (xx) is 404 before any upstream call', async (operationId) => {
    const a = await refusedBeforeUpstream(operationId, valid(operationId, { country: 'xx' }), 404);
    expect(a.body).toMatchObject(errorShape(operationId, 404));
  });

  it('favorites: full is 403, a duplicate (with or without +) is 403, the line itself and a past date are 400', async () => {
    await same(
      'AddFavoriteNumberByMSISDN',
      { msisdn: demo().favoritesFull.msisdn, json: { PhoneNumber: '50499001122' } },
      403,
    );
    const msisdn = freshLine((m) => favoriteCount(m) < 4);
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499002233' } }, 201);
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499002233' } }, 403);
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '+50499002233' } }, 403);
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: msisdn } }, 400);
    await same(
      'AddFavoriteNumberByMSISDN',
      { msisdn, json: { PhoneNumber: '50499003344', ExpirationDate: '2026-03-09' } },
      400,
    );
    await same('GetFavoriteNumbersByMSISDN', { msisdn }, 200);
  });

  it('favorites: deleting a number the line does not have is 404', async () => {
    const msisdn = freshLine();
    await same('DeleteFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499009999' } }, 404);
  });

  it('offers: a blocked line is 403, an unknown or retired offer 404, cancelling one not owned 404', async () => {
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn: demo().blocked.msisdn, offerId: '104' }, 403);
    const msisdn = freshLine((m) => !owns(m, '106'));
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '999' }, 404);
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '501' }, 404);
    await same('DeleteOfferbyMSISDNandOfferId', { msisdn, offerId: '106' }, 404);
  });

  it('plans: an unknown plan or an additional-line plan is 404, a blocked line 403', async () => {
    const msisdn = freshLine();
    await same('UpdateCurrentPlanByMSISDN', { msisdn, json: { planId: '999' } }, 404);
    await same('UpdateCurrentPlanByMSISDN', { msisdn, json: { planId: '236' } }, 404);
    await same('UpdateCurrentPlanByMSISDN', { msisdn: demo().blocked.msisdn, json: { planId: '803' } }, 403);
    await same(
      'CreateSubscriptionRequestsbyMSISDN',
      valid('CreateSubscriptionRequestsbyMSISDN', {
        msisdn,
        json: { ...(BODIES.CreateSubscriptionRequestsbyMSISDN as object), planId: '999' },
      }),
      404,
    );
  });

  it('upgrade requests: a second is 403, a plan not dearer 403, an unknown plan 404, none pending 404', async () => {
    await same(
      'CreateUpgradeRequestbyMSISDN',
      { msisdn: demo().pendingUpgrade.msisdn, json: { planId: '863' } },
      403,
    );
    await same(
      'CreateUpgradeRequestbyMSISDN',
      { msisdn: demo().active.msisdn, json: { planId: '801' } },
      403,
    );
    await same(
      'CreateUpgradeRequestbyMSISDN',
      { msisdn: demo().active.msisdn, json: { planId: '999' } },
      404,
    );
    await same('GetUpgradeStatusbyMSISDN', { msisdn: demo().active.msisdn }, 404);
  });

  it('phone lease: a line without one is 404', async () => {
    const a = await same('GetPhoneLeaseDetailsbyMSISDN', { msisdn: demo().noLease.msisdn }, 404);
    expect(a.body).toMatchObject({ code: 404, message: expect.stringContaining('phone lease') });
  });

  it.each(['GetDataUsageByMSISDNPerHourAndApp', 'GetDataUsagePercentageByMSISDNPerApp'] as const)(
    '%s: a period over 31 days, or a start after now, is the upstream 400 UsageError',
    async (operationId) => {
      const msisdn = demo().active.msisdn;
      const long = await same(
        operationId,
        { msisdn, query: { startDate: '2026-02-01T00:00:00Z', endDate: '2026-03-10T00:00:00Z' } },
        400,
      );
      expect(long.body).toMatchObject({ statusCode: 400, code: 'INVALID_PARAMETERS' });
      await same(operationId, { msisdn, query: { startDate: '2026-03-11T00:00:00Z' } }, 400);
    },
  );

  it.each(['GetDataUsageByMSISDNPerHourAndApp', 'GetDataUsagePercentageByMSISDNPerApp'] as const)(
    "%s: a reversed period (the original does not forbid it) is the upstream's 400, handed on",
    async (operationId) => {
      const req = { query: { startDate: '2026-03-10T10:00:00Z', endDate: '2026-03-10T00:00:00Z' } };
      const a = await handedOn(operationId, req);
      expect(a.status).toBe(400);
      expect(a.body).toMatchObject({ statusCode: 400, code: 'INVALID_PARAMETERS' });
    },
  );
});

// --- query parameters and their defaults ------------------------------------------------------------

describe('query parameters and their defaults', () => {
  it('channelId defaults to 4 (Self Care), and 2 (SMS) is another catalog', async () => {
    const none = await same('GetAvailableOffersByMSISDN', {}, 200);
    const four = await same('GetAvailableOffersByMSISDN', { query: { channelId: '4' } }, 200);
    const two = await same('GetAvailableOffersByMSISDN', { query: { channelId: '2' } }, 200);
    expect(none.body).toEqual(four.body);
    expect(ids(none.body, 'OfferId')).toEqual(['104', '105', '106', '201', '202', '301', '302', '601']);
    expect(ids(two.body, 'OfferId')).toEqual(['104', '105', '201', '401']);
    for (const channelId of ['1', '3', '5', '04', '1.0', '9']) {
      await same('GetAvailableOffersByMSISDN', { query: { channelId } }, 200);
    }
    await same('GetAvailableOffersByMSISDN', { query: { channelId: '4' }, slash: 'toggled' }, 200);
  });

  it('channelId past 2^31 - 1 (the original sets no maximum) reaches the upstream, which lists nothing', async () => {
    for (const channelId of ['2147483648', '99999999999999999999']) {
      const a = await handedOn('GetAvailableOffersByMSISDN', { query: { channelId } });
      expect([a.status, a.body]).toEqual([200, []]);
    }
  });

  it('planType: each value and none', async () => {
    const all = await same('GetAvailablePlansbyMSISDN', {}, 200);
    expect(all.body).toHaveLength(8);
    const expected: Record<string, string[]> = {
      upgrades: ['803', '861', '862', '863'],
      downgrades: ['801'],
      retention: ['803', '861'],
      additional: ['236', '237'],
      new: ['801', '862'],
    };
    for (const [planType, planIds] of Object.entries(expected)) {
      const r = await same('GetAvailablePlansbyMSISDN', { query: { planType } }, 200);
      expect(ids(r.body, 'planId').sort(), planType).toEqual(planIds);
    }
    const upgrades = await same('GetAvailablePlansUpgradesbyMSISDN', {}, 200);
    const filtered = await same('GetAvailablePlansbyMSISDN', { query: { planType: 'upgrades' } }, 200);
    expect(filtered.body).toEqual(upgrades.body);
  });

  it('usage windows: startDate, endDate, both, offsets and fractions; resolution HOUR and DAY', async () => {
    const msisdn = demo().active.msisdn;
    const windows: Record<string, string>[] = [
      { startDate: '2026-03-09T00:00:00Z', endDate: '2026-03-10T00:00:00Z' },
      { startDate: '2026-03-08T06:30:00Z' },
      { endDate: '2026-03-01T00:00:00Z' },
      { startDate: '2026-03-10T10:00:00+01:00', endDate: '2026-03-10T11:00:00Z' },
      { startDate: '2026-03-09T23:00:00.5Z', endDate: '2026-03-10T02:00:00-00:30' },
      { startDate: '2026-02-10T00:00:00Z', endDate: '2026-03-10T00:00:00Z' },
    ];
    for (const query of windows) {
      await same('GetDataUsageByMSISDNPerHourAndApp', { msisdn, query }, 200);
      for (const resolution of ['HOUR', 'DAY']) {
        await same('GetDataUsagePercentageByMSISDNPerApp', { msisdn, query: { ...query, resolution } }, 200);
      }
    }
    const day = await same(
      'GetDataUsagePercentageByMSISDNPerApp',
      { msisdn, query: { ...windows[0], resolution: 'DAY' } },
      200,
    );
    const dayRecords = (day.body as { trafficDetails: { hour?: string; date: string }[] }).trafficDetails;
    expect(dayRecords.length).toBeGreaterThan(0);
    expect(dayRecords.every((r) => r.hour === undefined && r.date === '2026-03-09')).toBe(true);
    const hourly = await same('GetDataUsageByMSISDNPerHourAndApp', { msisdn, query: windows[0] }, 200);
    const hours = new Set(
      (hourly.body as { trafficDetails: { hour: string }[] }).trafficDetails.map((r) => r.hour),
    );
    expect(hours.size).toBe(24);
    const defaulted = await same('GetDataUsagePercentageByMSISDNPerApp', { msisdn }, 200);
    const explicit = await same(
      'GetDataUsagePercentageByMSISDNPerApp',
      { msisdn, query: { resolution: 'HOUR' } },
      200,
    );
    expect(defaulted.body).toEqual(explicit.body);
  });

  it('usage of the heavy line passes 2^31 bytes on both sides', async () => {
    const msisdn = demo().heavyUser.msisdn;
    const r = await same('GetDataUsageByMSISDNPerHourAndApp', { msisdn }, 200);
    expect((r.body as { totalVolumeBytes: number }).totalVolumeBytes).toBeGreaterThan(2 ** 31);
    await same('GetDataUsagePercentageByMSISDNPerApp', { msisdn, query: { resolution: 'DAY' } }, 200);
  });

  it.each(['2026-03-10T00:00:00+01', '2026-03-10T00:00:00+0100'])(
    'startDate %s (an offset the contract accepts) is read as the upstream reads it',
    async (startDate) => {
      const query = { startDate, endDate: '2026-03-10T10:00:00Z' };
      await same('GetDataUsageByMSISDNPerHourAndApp', { query }, 200);
    },
  );
});

// --- write sequences, compared step by step ---------------------------------------------------------

describe('write sequences answer step by step as the upstream does', () => {
  it('favorites: list, add, list, add, delete, delete again, list', async () => {
    const msisdn = freshLine((m) => favoriteCount(m) <= 3);
    const before = await same('GetFavoriteNumbersByMSISDN', { msisdn }, 200);
    await same(
      'AddFavoriteNumberByMSISDN',
      { msisdn, json: { PhoneNumber: '50499112233', Label: 'Trabajo', ExpirationDate: '2027-01-31' } },
      201,
    );
    const one = await same('GetFavoriteNumbersByMSISDN', { msisdn }, 200);
    expect(one.body).toHaveLength((before.body as unknown[]).length + 1);
    await same(
      'AddFavoriteNumberByMSISDN',
      { msisdn, json: { PhoneNumber: '+7500749', PlanCode: 'FAV3' } },
      201,
    );
    await same('GetFavoriteNumbersByMSISDN', { msisdn, slash: 'toggled' }, 200);
    await same('DeleteFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '+50499112233' } }, 200);
    await same('DeleteFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499112233' } }, 404);
    const after = await same('GetFavoriteNumbersByMSISDN', { msisdn }, 200);
    expect(ids(after.body, 'PhoneNumber')).toContain('7500749');
    expect(ids(after.body, 'PhoneNumber')).not.toContain('50499112233');
  });

  it('offers: purchase, purchase again, cancel, cancel again, purchase again', async () => {
    const msisdn = freshLine((m) => !owns(m, '201'));
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '201' }, 201);
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '201' }, 403);
    await same('DeleteOfferbyMSISDNandOfferId', { msisdn, offerId: '201' }, 201);
    await same('DeleteOfferbyMSISDNandOfferId', { msisdn, offerId: '201' }, 404);
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '201', slash: 'toggled' }, 201);
    expect(owns(msisdn, '201')).toBe(true);
  });

  it('plans: current, change, current, the same change again, the catalog around the new plan', async () => {
    const msisdn = freshLine((m) => planOf(m) !== '862');
    await same('GetCurrentPlanDetailsbyMSISDN', { msisdn }, 200);
    const change = {
      planId: '862',
      planName: 'Todo Sin Limites 40GB',
      currencyId: 'HNL',
      fromPlan: 'TigoApp',
    };
    const changed = await same('UpdateCurrentPlanByMSISDN', { msisdn, json: change }, 200);
    expect(changed.body).toMatchObject({ response: 'UPDATED' });
    const current = await same('GetCurrentPlanDetailsbyMSISDN', { msisdn }, 200);
    expect(current.body).toMatchObject({ planId: '862' });
    const again = await same('UpdateCurrentPlanByMSISDN', { msisdn, json: { planId: '862' } }, 200);
    expect(again.body).toMatchObject({ response: 'UNCHANGED' });
    const up = await same('GetAvailablePlansUpgradesbyMSISDN', { msisdn }, 200);
    expect(ids(up.body, 'planId')).toEqual(['863']);
    await same('GetAvailablePlansbyMSISDN', { msisdn, query: { planType: 'downgrades' } }, 200);
  });

  it('upgrade request: none, request, status, second request, plan change completes it, none', async () => {
    const msisdn = freshLine((m) => ['801', '802', '803'].includes(planOf(m)) && !pending(m));
    await same('GetUpgradeStatusbyMSISDN', { msisdn }, 404);
    const json = {
      planId: '862',
      planName: 'Todo Sin Limites 40GB',
      name: 'Karen',
      email: 'k@correo.example',
    };
    const created = await same('CreateUpgradeRequestbyMSISDN', { msisdn, json }, 200);
    const id = (created.body as { response: string }).response;
    const status = await same('GetUpgradeStatusbyMSISDN', { msisdn }, 200);
    expect(status.body).toMatchObject({
      response: 'PENDING',
      message: expect.stringContaining(`request ${id} `),
    });
    await same('CreateUpgradeRequestbyMSISDN', { msisdn, json: { planId: '863' } }, 403);
    await same('UpdateCurrentPlanByMSISDN', { msisdn, json: { planId: '862' } }, 200);
    await same('GetUpgradeStatusbyMSISDN', { msisdn, slash: 'toggled' }, 404);
    await same('GetCurrentPlanDetailsbyMSISDN', { msisdn }, 200);
  });

  it('status: block the SIM, read it, refused purchase and plan change, unblock, read it', async () => {
    const msisdn = freshLine((m) => !owns(m, '104'));
    const blocked = await same(
      'UpdateStatusOfSubscriberByMSISDN',
      { msisdn, json: { code: 'Blocked', assetType: 'SIM', updateReason: 'Robo' } },
      200,
    );
    expect(blocked.body).toMatchObject({ code: 'Blocked', assetType: 'SIM' });
    await same('GetStatusOfSubscriberByMSISDN', { msisdn }, 200);
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '104' }, 403);
    await same('UpdateCurrentPlanByMSISDN', { msisdn, json: { planId: '863' } }, 403);
    const active = await same(
      'UpdateStatusOfSubscriberByMSISDN',
      { msisdn, json: { code: 'Active', assetType: 'SIM_IMEI' } },
      200,
    );
    expect(active.body).toMatchObject({ code: 'Active', assetType: 'SIM_IMEI' });
    await same('GetStatusOfSubscriberByMSISDN', { msisdn, slash: 'toggled' }, 200);
  });

  it('a JSON body without any Content-Type is read as JSON on both sides', async () => {
    const msisdn = freshLine();
    await same(
      'UpdateStatusOfSubscriberByMSISDN',
      { msisdn, raw: '{"code":"Blocked","assetType":"IMEI"}', contentType: null },
      200,
    );
    await same(
      'UpdateStatusOfSubscriberByMSISDN',
      { msisdn, json: { code: 'Active', assetType: 'IMEI' }, contentType: 'application/json; charset=utf-8' },
      200,
    );
  });
});

// --- bad input: the operation's error body, and no upstream call ----------------------------------

describe('bad input is refused before any upstream call, as the upstream refuses it', () => {
  it.each(
    ALL.flatMap((operationId) => ['abc', '+504', '5049123', '5049123456789012'].map((m) => [operationId, m])),
  )(
    '%s: MSISDN %s (a string to the original) reaches the upstream, whose 400 is handed on',
    async (operationId, msisdn) => {
      const a = await handedOn(operationId as OperationId, valid(operationId as OperationId, { msisdn }));
      expect(a.status).toBe(400);
    },
  );

  it('bad enum values are 400', async () => {
    await refusedBeforeUpstream('GetAvailablePlansbyMSISDN', { query: { planType: 'weekly' } }, 400);
    await refusedBeforeUpstream('GetAvailablePlansbyMSISDN', { query: { planType: 'UPGRADES' } }, 400);
    // The original's resolution is any string: the upstream judges these, and its answer is handed on.
    await handedOn('GetDataUsagePercentageByMSISDNPerApp', { query: { resolution: 'WEEK' } });
    await handedOn('GetDataUsagePercentageByMSISDNPerApp', { query: { resolution: 'day' } });
    for (const json of [
      { code: 'Stolen', assetType: 'SIM' },
      { code: 'blocked', assetType: 'SIM' },
      { code: 'Blocked', assetType: 'PHONE' },
    ]) {
      await refusedBeforeUpstream('UpdateStatusOfSubscriberByMSISDN', { json }, 400);
    }
  });

  it('channelId not an integer is 400 before any upstream call', async () => {
    for (const channelId of ['abc', '1.5']) {
      const a = await refusedBeforeUpstream('GetAvailableOffersByMSISDN', { query: { channelId } }, 400);
      expect(a.body).toMatchObject({ code: 400 });
    }
  });

  it("channelId below 1 is the original contract's (it sets no minimum): the upstream answers it", async () => {
    for (const channelId of ['0', '-1']) {
      await s.resetUpstreamCalls();
      await same('GetAvailableOffersByMSISDN', { query: { channelId } }, 400);
      expect(await s.upstreamCalls()).toEqual({ GetAvailableOffersByMSISDN: 1 });
    }
  });

  it.each(['GetDataUsageByMSISDNPerHourAndApp', 'GetDataUsagePercentageByMSISDNPerApp'] as const)(
    '%s: a startDate or endDate that is not RFC 3339 (a string to the original) reaches the upstream',
    async (operationId) => {
      const queries: Record<string, string>[] = [
        { startDate: 'yesterday' },
        { startDate: '2026-03-09' },
        { startDate: '2026-03-09T10:00:00' },
        { endDate: '2026-03-10T25:00:00Z' },
      ];
      for (const query of queries) await handedOn(operationId, { query });
    },
  );

  it.each(WITH_BODY)('%s: malformed JSON, no body, an empty body, JSON null are 400', async (operationId) => {
    await refusedBeforeUpstream(operationId, { raw: '{"planId": ', contentType: 'application/json' }, 400);
    await refusedBeforeUpstream(operationId, {}, 400);
    await refusedBeforeUpstream(operationId, { raw: '', contentType: 'application/json' }, 400);
    await refusedBeforeUpstream(operationId, { raw: 'null', contentType: 'application/json' }, 400);
    await refusedBeforeUpstream(operationId, { raw: '[]', contentType: 'application/json' }, 400);
  });

  it.each(WITH_BODY)('%s: a body missing a required field is 400', async (operationId) => {
    const a = await refusedBeforeUpstream(operationId, { json: {} }, 400);
    expect(a.body).toMatchObject({ code: 400, message: expect.stringContaining('required') });
  });

  it('fields of the wrong type or format (by the original contract) are 400 before any upstream call', async () => {
    const cases: [OperationId, unknown][] = [
      ['AddFavoriteNumberByMSISDN', { PhoneNumber: 50499887766 }],
      ['AddFavoriteNumberByMSISDN', { PhoneNumber: '50499887766', ExpirationDate: '2026-02-30' }],
      ['UpdateCurrentPlanByMSISDN', { planId: 803 }],
      [
        'CreateSubscriptionRequestsbyMSISDN',
        {
          ...(BODIES.CreateSubscriptionRequestsbyMSISDN as object),
          AdditionalSubscriptionsList: [{ planId: '237' }],
        },
      ],
    ];
    for (const [operationId, json] of cases) await refusedBeforeUpstream(operationId, { json }, 400);
    // Not phone numbers to the gateway's PhoneNumber scalar, strings to the original: the upstream judges.
    await handedOn('AddFavoriteNumberByMSISDN', { json: { PhoneNumber: 'abc' } });
    await handedOn('DeleteFavoriteNumberByMSISDN', { json: { PhoneNumber: '123' } });
  });

  it('what only the tightened contract refuses reaches the upstream, whose answer is handed on', async () => {
    const cases: [OperationId, unknown][] = [
      ['AddFavoriteNumberByMSISDN', { PhoneNumber: '50499887766', Label: 'x'.repeat(65) }],
      ['UpdateCurrentPlanByMSISDN', { planId: '803', email: 'not-an-email' }],
      ['CreateUpgradeRequestbyMSISDN', { planId: '863', currencyId: 'hnl' }],
      [
        'CreateSubscriptionRequestsbyMSISDN',
        { ...(BODIES.CreateSubscriptionRequestsbyMSISDN as object), monthlyAmount: -1 },
      ],
    ];
    for (const [operationId, json] of cases) {
      await s.resetUpstreamCalls();
      await same(operationId, { json }, 400);
      expect(await s.upstreamCalls(), operationId).toEqual({ [operationId]: 1 });
    }
  });

  it.each(WITH_BODY)('%s: a Content-Type other than JSON is 415', async (operationId) => {
    const raw = JSON.stringify(BODIES[operationId]);
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const a = await refusedBeforeUpstream(operationId, { raw, contentType }, 415);
      expect(a.body).toMatchObject({ code: 415 });
    }
  });

  // The next two are refused by Fastify before the router runs (src/http/guard.ts answerThrown),
  // with the same status and error body as the upstream. An empty Content-Type is answered in
  // Fastify's words ("Unsupported Media Type"); an oversized body names the limit, as the upstream.
  it('an empty Content-Type header is 415 with the ErrorBody, as the upstream answers', async () => {
    const raw = JSON.stringify(BODIES.UpdateStatusOfSubscriberByMSISDN);
    const a = await refusedInOtherWords('UpdateStatusOfSubscriberByMSISDN', { raw, contentType: '' }, 415);
    expect(a.body).toMatchObject({ code: 415 });
  });

  const padded = (operationId: OperationId, size: number) => {
    const base = JSON.stringify({ ...(BODIES[operationId] as object), padding: '' });
    return base.replace('"padding":""', `"padding":"${'x'.repeat(size - base.length)}"`);
  };

  it.each(WITH_BODY)('%s: a body over 64 KiB is 413; one of exactly 64 KiB is read', async (operationId) => {
    expect(padded(operationId, MAX_BODY + 1)).toHaveLength(MAX_BODY + 1);
    const raw = padded(operationId, MAX_BODY + 1);
    const a = await refusedInOtherWords(operationId, { raw, contentType: 'application/json' }, 413);
    expect(a.body).toMatchObject({ code: 413, message: `The request body is larger than ${MAX_BODY} bytes` });
    // Exactly the limit passes the size check; the unknown line then answers the upstream's 404.
    await s.resetUpstreamCalls();
    const exact = { msisdn: UNKNOWN, raw: padded(operationId, MAX_BODY), contentType: 'application/json' };
    await same(operationId, exact, 404);
    expect(await s.upstreamCalls()).toEqual(callsOf404(operationId));
  });

  const paths = [...new Set(operations.map((o) => o.path))];
  it.each(paths)('%s: every other method is 405 with Allow', async (path) => {
    const here = operations.filter((o) => o.path === path);
    const first = (here[0] as (typeof here)[number]).operationId;
    const allow = here.map((o) => o.method.toUpperCase());
    for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'].filter((m) => !allow.includes(m))) {
      await s.resetUpstreamCalls();
      const { a, b: other, label } = await twin(first, { method });
      expect({ status: a.status, body: a.body }, label).toEqual({ status: other.status, body: other.body });
      expect(a.status, label).toBe(405);
      expect(a.headers.get('allow'), label).toBe(allow.join(', '));
      expect(other.headers.get('allow'), label).toBe(allow.join(', '));
      expect(a.headers.get('content-type'), label).toBe(JSON_TYPE);
      expect(validateResponse(first, 405, a.body), label).toEqual([]);
      expect(a.body, label).toMatchObject(errorShape(first, 405));
      expect(await s.upstreamCalls(), label).toEqual({});
    }
  });

  it('HEAD on a GET path is 405 with Allow on both sides', async () => {
    const { a, b: other } = await twin('GetStatusOfSubscriberByMSISDN', { method: 'HEAD' });
    expect(a.status).toBe(405);
    expect(other.status).toBe(405);
    expect(a.headers.get('allow')).toBe(other.headers.get('allow'));
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('OPTIONS is 405 with Allow and the operation error body, as the upstream answers', async () => {
    const { a, b: other, label } = await twin('GetStatusOfSubscriberByMSISDN', { method: 'OPTIONS' });
    expect({ status: a.status, body: a.body }, label).toEqual({ status: other.status, body: other.body });
    expect(a.headers.get('allow')).toBe('GET, PUT');
  });

  it('a path under the base that is no operation is 404 ErrorBody on both sides', async () => {
    for (const path of [
      '/v2/tigo/mobile/hn/nothing',
      '/v2/tigo/mobile/hn',
      '/v2/tigo/mobile/hn/plans/subscribers/50491234567/current//',
    ]) {
      const a = await send('gateway', path, { method: 'GET' });
      const other = await send('upstream', path, { method: 'GET' });
      expect({ status: a.status, body: a.body }, path).toEqual({ status: other.status, body: other.body });
      expect(a.body, path).toEqual({ code: 404, message: `No operation at ${path}` });
    }
    expect(await s.upstreamCalls()).toEqual({});
  });
});

// --- upstream calls and correlation ---------------------------------------------------------------

describe('upstream calls', () => {
  const cases: [string, OperationId, Req | (() => Req), Record<string, number>][] = [
    ['GET status', 'GetStatusOfSubscriberByMSISDN', {}, { GetStatusOfSubscriberByMSISDN: 1 }],
    ['GET favorites', 'GetFavoriteNumbersByMSISDN', {}, { GetFavoriteNumbersByMSISDN: 1 }],
    [
      'GET offers',
      'GetAvailableOffersByMSISDN',
      { query: { channelId: '2' } },
      { GetAvailableOffersByMSISDN: 1 },
    ],
    ['GET current', 'GetCurrentPlanDetailsbyMSISDN', {}, { GetCurrentPlanDetailsbyMSISDN: 1 }],
    ['GET availableplans', 'GetAvailablePlansbyMSISDN', {}, { GetAvailablePlansbyMSISDN: 1 }],
    [
      'GET availableplans?planType=retention',
      'GetAvailablePlansbyMSISDN',
      { query: { planType: 'retention' } },
      { GetAvailablePlansbyMSISDN: 1 },
    ],
    // The gateway reads planType=upgrades through upgrades/ (src/loaders/index.ts): still one call,
    // to the other operation; the contract gives both the same answer.
    [
      'GET availableplans?planType=upgrades',
      'GetAvailablePlansbyMSISDN',
      { query: { planType: 'upgrades' } },
      { GetAvailablePlansUpgradesbyMSISDN: 1 },
    ],
    ['GET upgrades/', 'GetAvailablePlansUpgradesbyMSISDN', {}, { GetAvailablePlansUpgradesbyMSISDN: 1 }],
    ['GET hourlybyapp', 'GetDataUsageByMSISDNPerHourAndApp', {}, { GetDataUsageByMSISDNPerHourAndApp: 1 }],
    [
      'GET percentagebyapp',
      'GetDataUsagePercentageByMSISDNPerApp',
      { query: { resolution: 'DAY' } },
      { GetDataUsagePercentageByMSISDNPerApp: 1 },
    ],
    ['GET phonelease (has one)', 'GetPhoneLeaseDetailsbyMSISDN', {}, { GetPhoneLeaseDetailsbyMSISDN: 1 }],
    [
      'GET phonelease (none)',
      'GetPhoneLeaseDetailsbyMSISDN',
      () => ({ msisdn: demo().noLease.msisdn }),
      { GetPhoneLeaseDetailsbyMSISDN: 1 },
    ],
    [
      'GET upgraderequest (pending)',
      'GetUpgradeStatusbyMSISDN',
      () => ({ msisdn: demo().pendingUpgrade.msisdn }),
      { GetUpgradeStatusbyMSISDN: 1 },
    ],
    ['GET upgraderequest (none)', 'GetUpgradeStatusbyMSISDN', {}, { GetUpgradeStatusbyMSISDN: 1 }],
  ];

  it.each(cases)('%s costs exactly one upstream call', async (_, operationId, req, calls) => {
    await s.resetUpstreamCalls();
    await same(operationId, typeof req === 'function' ? req() : req);
    expect(await s.upstreamCalls()).toEqual(calls);
  });

  it('every GET operation is counted above', () => {
    expect(new Set(cases.map(([, operationId]) => operationId))).toEqual(new Set(READS));
  });

  it('a write costs exactly its one upstream call', async () => {
    const msisdn = freshLine((m) => favoriteCount(m) < 5 && !owns(m, '105'));
    await same('AddFavoriteNumberByMSISDN', { msisdn, json: { PhoneNumber: '50499445566' } }, 201);
    await same('PurchaseOfferbyMSISDNandOfferId', { msisdn, offerId: '105' }, 201);
    await same(
      'UpdateStatusOfSubscriberByMSISDN',
      { msisdn, json: { code: 'Active', assetType: 'SIM' } },
      200,
    );
    expect(await s.upstreamCalls()).toEqual({
      AddFavoriteNumberByMSISDN: 1,
      PurchaseOfferbyMSISDNandOfferId: 1,
      UpdateStatusOfSubscriberByMSISDN: 1,
    });
  });

  it('x-correlation-id reaches the upstream with each call; without one the gateway makes one', async () => {
    await s.resetUpstreamCalls(); // also empties /__sandbox/requests
    await same('GetStatusOfSubscriberByMSISDN', { headers: { 'x-correlation-id': 'rest-twin-read-1' } }, 200);
    await same(
      'DeleteFavoriteNumberByMSISDN',
      {
        msisdn: UNKNOWN,
        json: { PhoneNumber: '50499887766' },
        headers: { 'x-correlation-id': 'rest-twin-write-2' },
      },
      404,
    );
    await same('GetCurrentPlanDetailsbyMSISDN', {}, 200);
    const recent = (await s.upstream.request('GET', '/__sandbox/requests')).body as {
      operationId: string;
      correlationId: string | null;
    }[];
    expect(recent.slice(0, 2)).toEqual([
      { operationId: 'GetStatusOfSubscriberByMSISDN', correlationId: 'rest-twin-read-1' },
      { operationId: 'DeleteFavoriteNumberByMSISDN', correlationId: 'rest-twin-write-2' },
    ]);
    expect(recent[2]).toEqual({
      operationId: 'GetCurrentPlanDetailsbyMSISDN',
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(recent).toHaveLength(3);
  });
});

// --- the router's own documents -----------------------------------------------------------------------

describe('OpenAPI document and Swagger UI', () => {
  it('GET /rest/openapi.json is an OpenAPI 3.1 document with the contract paths', async () => {
    const res = await s.fetch('/rest/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(JSON_TYPE);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      info: { title: string };
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(doc.paths)).toEqual(Object.keys(document.paths));
    expect(doc.info.title).toContain(document.info.title);
    expect(
      await new Validator().validate(structuredClone(doc) as Parameters<Validator['validate']>[0]),
    ).toMatchObject({ valid: true });
    // Every operation carries its parameters written out (Swagger UI cannot show shared path-level
    // references in OpenAPI 3.1), the same ones the contract gives it, in the same order.
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { parameters: { name: string; $ref?: string }[] }>>,
    )) {
      expect(item.parameters, path).toBeUndefined();
      for (const op of operations.filter((o) => o.path === path)) {
        const served = item[op.method]?.parameters ?? [];
        expect(
          served.every((p) => p.name && !p.$ref),
          `${op.operationId} parameters written out`,
        ).toBe(true);
        expect(
          served.map((p) => p.name),
          op.operationId,
        ).toEqual([...op.pathParams, ...served.slice(op.pathParams.length).map((p) => p.name)]);
      }
    }
  });

  it('GET /docs/ serves Swagger UI from local files only', async () => {
    const res = await s.fetch('/docs/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('id="swagger-ui"');
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/(https?:)?\/\/[\w.-]+\.[a-z]{2,}/i);
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref, ref).not.toMatch(/^(https?:)?\/\//);

    const bundle = await s.fetch('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    const code = await bundle.text();
    expect(code.length).toBeGreaterThan(100_000);
    expect(code).toContain('SwaggerUIBundle');

    const init = await (await s.fetch('/docs/swagger-initializer.js')).text();
    expect(init).toContain('"/rest/openapi.json"');
    expect(init).not.toContain('petstore');
  });

  it('GET /docs redirects to /docs/', async () => {
    const res = await s.fetch('/docs', { redirect: 'manual' });
    expect([301, 302, 303, 307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toBe('/docs/');
  });
});

// --- last: both databases went through the same writes ---------------------------------------------

describe('the twins end in step', () => {
  it("sandbox A's state (written through the router) equals sandbox B's", () => {
    const dump = (db: TestSandbox['sandbox']['db'], sql: string) =>
      (db.prepare(sql).all() as Record<string, unknown>[]).map((row) =>
        typeof row.body === 'string' ? { ...row, body: JSON.parse(row.body) } : { ...row },
      );
    for (const sql of [
      'SELECT msisdn, sim_status, imei_status, status_reason, plan_id FROM subscribers ORDER BY msisdn',
      'SELECT * FROM favorites ORDER BY msisdn, added_at',
      'SELECT * FROM acquired_offers ORDER BY msisdn, offer_id',
      'SELECT * FROM upgrade_requests ORDER BY id',
      'SELECT * FROM subscription_requests ORDER BY id',
    ]) {
      expect(dump(s.upstream.sandbox.db, sql), sql).toEqual(dump(b.sandbox.db, sql));
    }
    expect(freshLine.taken.size).toBeGreaterThan(10);
  });
});
