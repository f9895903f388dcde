// The gateway in front of an upstream this project did not write: Prism mocking the ORIGINAL swagger
// as published (test/helpers/prism.ts). Static mode answers each operation's example or a typed
// placeholder ("string"); dynamic mode answers random values of the declared types, with extra
// properties. The dashboard must arrive whole, and the REST router must hand on Prism's answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../src/contract/openapi.ts';
import type { OperationId } from '../../src/contract/wire.ts';
import { type Exchange, type Mock, PRISM_BASE, recordingProxy, startPrism } from '../helpers/prism.ts';
import { type Data, type GatewayClient, gatewayOver } from '../helpers/stub-upstream.ts';

const DASHBOARD = readFileSync(join(import.meta.dirname, '../../operations/Dashboard.graphql'), 'utf8');
const MSISDN = '50491234567';
const PARTS = ['status', 'plan', 'offers', 'favorites', 'phoneLease', 'usage'] as const;

/** A request of each operation that the original contract accepts. */
const BODIES: Partial<Record<OperationId, unknown>> = {
  UpdateStatusOfSubscriberByMSISDN: { code: 'Active', assetType: 'SIM' },
  AddFavoriteNumberByMSISDN: { PhoneNumber: '50499887766', Label: 'Casa' },
  DeleteFavoriteNumberByMSISDN: { PhoneNumber: '50499887766' },
  UpdateCurrentPlanByMSISDN: { planId: '863' },
  CreateUpgradeRequestbyMSISDN: { planId: '863' },
  CreateSubscriptionRequestsbyMSISDN: {
    name: 'Karen Aguilar',
    planId: '236',
    planName: 'Mas Internet 5GB',
    monthlyAmount: 65.23,
    currencyId: 'USD',
    categoryName: 'Plan Sin Limite Hibrido',
  },
};
const READS = operations.filter((o) => o.method === 'get');

interface Reply {
  status: number;
  body: unknown;
}

/** An operation's request: its path below the base path, method and JSON body. */
function requestOf(operationId: OperationId): { path: string; method: string; body: unknown } {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(operationId);
  const path = op.path.replace(/\{msisdn\}/i, MSISDN).replace('{offerId}', '104');
  return { path, method: op.method.toUpperCase(), body: BODIES[operationId] };
}

async function replyOf(res: Response): Promise<Reply> {
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

async function restOf(over: GatewayClient, operationId: OperationId): Promise<Reply> {
  const { path, method, body } = requestOf(operationId);
  const { status, body: answer } = await over.rest(method, path, body);
  return { status, body: answer };
}

const partsOf = (data: Data) => Object.fromEntries(PARTS.map((p) => [p, data?.subscriber?.[p] ?? null]));

describe('Prism, static: examples and placeholders of the original swagger', () => {
  let prism: Mock;
  let over: GatewayClient;
  beforeAll(async () => {
    prism = await startPrism();
    over = await gatewayOver(`${prism.url}/v2/tigo/mobile/{country}`);
  }, 60_000);
  afterAll(async () => {
    await over?.gateway.close();
    await prism?.close();
  });

  it('serves the dashboard whole, with no error', async () => {
    const { data, errors } = await over.graphql(DASHBOARD, { msisdn: MSISDN, country: 'HN' });
    expect(errors).toBeUndefined();
    for (const [part, value] of Object.entries(partsOf(data))) expect(value, part).not.toBeNull();
    expect(data.subscriber.usage.percentageByApp).not.toBeNull();
    // The example-less status is the placeholder "string": an open vocabulary, kept raw.
    expect(data.subscriber.status).toMatchObject({ code: 'UNKNOWN', assetType: 'UNKNOWN' });
    // Values no reading can make sense of ("string" as a date, a percentage) are null leaves.
    expect(data.subscriber.usage.percentageByApp.lastUpdatedAt).toBeNull();
    expect(data.subscriber.usage.percentageByApp.records[0]).toMatchObject({ date: null, percentage: null });
  });

  it('keeps the raw text of open vocabularies', async () => {
    const { data, errors } = await over.graphql(
      'query ($m: MSISDN!) { line(msisdn: $m) { status { code codeRaw assetType assetTypeRaw } plan { offerings { category categoryRaw } } } }',
      { m: MSISDN },
    );
    expect(errors).toBeUndefined();
    expect(data.line.status).toEqual({
      code: 'UNKNOWN',
      codeRaw: 'string',
      assetType: 'UNKNOWN',
      assetTypeRaw: 'string',
    });
    expect(data.line.plan.offerings).toEqual([{ category: 'VOICE', categoryRaw: 'voice' }]);
  });

  it.each(operations.map((o) => o.operationId))('REST %s answers as Prism does', async (operationId) => {
    const { path, method, body } = requestOf(operationId);
    const direct = await replyOf(
      await fetch(prism.url + PRISM_BASE + path, {
        method,
        ...(body !== undefined && {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      }),
    );
    expect(direct.status, 'Prism accepts the request').toBeLessThan(300);
    expect(await restOf(over, operationId)).toEqual(direct);
  });
});

describe('Prism, dynamic: random answers of the original swagger, with extra properties', () => {
  const ROUNDS = 200;
  let prism: Mock;
  let proxy: Mock & { exchanges: Exchange[] };
  let over: GatewayClient;
  beforeAll(async () => {
    prism = await startPrism({ dynamic: true, seed: 'selfcare' });
    proxy = await recordingProxy(prism.url);
    over = await gatewayOver(`${proxy.url}/v2/tigo/mobile/{country}`);
  }, 60_000);
  afterAll(async () => {
    await over?.gateway.close();
    await proxy?.close();
    await prism?.close();
  });

  it(`${ROUNDS} rounds: the dashboard whole, and each REST read exactly what Prism sent`, async () => {
    const codes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const { data, errors } = await over.graphql(DASHBOARD, { msisdn: MSISDN, country: 'HN' });
      for (const e of errors ?? []) codes.set(e.extensions?.code, (codes.get(e.extensions?.code) ?? 0) + 1);
      expect(errors, `round ${round}: ${JSON.stringify(errors?.[0])}`).toBeUndefined();
      for (const [part, value] of Object.entries(partsOf(data))) {
        expect(value, `round ${round}: ${part}`).not.toBeNull();
      }

      const read = READS[round % READS.length]?.operationId as OperationId;
      proxy.exchanges.length = 0;
      const answer = await restOf(over, read);
      expect(proxy.exchanges, `round ${round}: ${read} made one upstream call`).toHaveLength(1);
      const sent = proxy.exchanges[0] as Exchange;
      expect(answer, `round ${round}: ${read}`).toEqual({ status: sent.status, body: JSON.parse(sent.body) });
    }
    expect(codes.get('INTERNAL_SERVER_ERROR') ?? 0).toBe(0);
  }, 50_000);
});
