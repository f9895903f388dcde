import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkExampleCoverage,
  checkExamples,
  compileComponentSchemas,
  createSchemaAjv,
  deref,
  GENERATED_TYPES_PATH,
  generateTypes,
  isObject,
  type JsonObject,
  listOperations,
  loadContract,
  toPointer,
  validateDocument,
} from '../../scripts/contract-check.ts';

/** operationId → method, path (exactly as the source), success status, tag. */
const EXPECTED_OPERATIONS = {
  GetStatusOfSubscriberByMSISDN: ['get', '/billing/subscribers/{MSISDN}/status', '200', 'Billing'],
  UpdateStatusOfSubscriberByMSISDN: ['put', '/billing/subscribers/{MSISDN}/status', '200', 'Billing'],
  GetDataUsageByMSISDNPerHourAndApp: [
    'get',
    '/billing/subscribers/{msisdn}/usage/data/hourlybyapp',
    '200',
    'Usage',
  ],
  GetDataUsagePercentageByMSISDNPerApp: [
    'get',
    '/billing/subscribers/{msisdn}/usage/data/percentagebyapp',
    '200',
    'Usage',
  ],
  GetFavoriteNumbersByMSISDN: ['get', '/plans/subscribers/{MSISDN}/favorites/', '200', 'Plans'],
  AddFavoriteNumberByMSISDN: ['post', '/plans/subscribers/{MSISDN}/favorites/', '201', 'Plans'],
  DeleteFavoriteNumberByMSISDN: ['delete', '/plans/subscribers/{MSISDN}/favorites/', '200', 'Plans'],
  GetAvailableOffersByMSISDN: ['get', '/plans/subscribers/{MSISDN}/availableoffers/', '200', 'Plans'],
  PurchaseOfferbyMSISDNandOfferId: [
    'post',
    '/plans/subscribers/{MSISDN}/acquiredoffers/{offerId}',
    '201',
    'Plans',
  ],
  DeleteOfferbyMSISDNandOfferId: [
    'delete',
    '/plans/subscribers/{MSISDN}/acquiredoffers/{offerId}',
    '201',
    'Plans',
  ],
  GetPhoneLeaseDetailsbyMSISDN: ['get', '/plans/subscribers/{MSISDN}/phonelease/', '200', 'Plans'],
  GetCurrentPlanDetailsbyMSISDN: ['get', '/plans/subscribers/{MSISDN}/current', '200', 'Plans'],
  UpdateCurrentPlanByMSISDN: ['put', '/plans/subscribers/{MSISDN}/current', '200', 'Plans'],
  GetAvailablePlansbyMSISDN: ['get', '/plans/subscribers/{MSISDN}/availableplans/', '200', 'Plans'],
  GetAvailablePlansUpgradesbyMSISDN: ['get', '/plans/subscribers/{MSISDN}/upgrades/', '200', 'Plans'],
  GetUpgradeStatusbyMSISDN: ['get', '/plans/subscribers/{MSISDN}/upgraderequest', '200', 'Plans'],
  CreateUpgradeRequestbyMSISDN: ['post', '/plans/subscribers/{MSISDN}/upgraderequest', '200', 'Plans'],
  CreateSubscriptionRequestsbyMSISDN: [
    'post',
    '/plans/subscribers/{MSISDN}/subscriptionrequests/',
    '200',
    'Plans',
  ],
} as const;

const USAGE_OPERATIONS = new Set([
  'GetDataUsageByMSISDNPerHourAndApp',
  'GetDataUsagePercentageByMSISDNPerApp',
]);

const EXPECTED_SCHEMAS = [
  'Status',
  'StatusChangeRequest',
  'StatusCode',
  'AssetType',
  'FavoriteNumber',
  'FavoriteNumberList',
  'Offer',
  'AcquisitionMethod',
  'OfferList',
  'Plan',
  'PlanList',
  'ProductOffering',
  'NameValuePair',
  'PhoneLeaseInfo',
  'PlanUpgradeRequest',
  'PlanAdditional',
  'AdditionalSubscription',
  'UsagePerHourResponse',
  'UsagePerHourList',
  'UsagePerHourDetail',
  'UsagePercentageResponse',
  'UsagePercentageList',
  'UsagePercentageDetail',
  'UsageError',
  'ErrorBody',
  'SuccessBody',
  'PlanType',
  'UsageResolution',
  'ByteCount',
];

let doc: JsonObject;

beforeAll(async () => {
  doc = await loadContract();
});

function schemas(d: JsonObject = doc): Record<string, JsonObject> {
  return (d.components as { schemas: Record<string, JsonObject> }).schemas;
}

function responsesOf(operationId: string): Record<string, JsonObject> {
  const entry = listOperations(doc).find((o) => o.operationId === operationId);
  if (!entry) throw new Error(`no operation ${operationId}`);
  const pointer = toPointer(['paths', entry.path, entry.method, 'responses']);
  const result: Record<string, JsonObject> = {};
  for (const [status, raw] of Object.entries(entry.operation.responses as JsonObject)) {
    const { value } = deref(doc, raw, `${pointer}${toPointer([status])}`);
    if (isObject(value)) result[status] = value;
  }
  return result;
}

function jsonMediaType(response: JsonObject): JsonObject {
  const content = response.content as Record<string, JsonObject> | undefined;
  const mediaType = content?.['application/json'];
  if (!mediaType) throw new Error('no application/json content');
  return mediaType;
}

describe('upstream contract: schema/upstream/self-care.openapi.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(await validateDocument(doc)).toEqual([]);
  });

  it('is rejected by the validator when broken', async () => {
    const broken = structuredClone(doc);
    delete broken.info;
    expect(await validateDocument(broken)).not.toEqual([]);
  });

  it('declares the server /v2/tigo/mobile/{country} with the market codes', () => {
    expect(doc.servers).toEqual([
      expect.objectContaining({
        url: '/v2/tigo/mobile/{country}',
        variables: {
          country: expect.objectContaining({
            default: 'hn',
            enum: ['bo', 'co', 'gt', 'hn', 'py', 'sv', 'ni', 'pa'],
          }),
        },
      }),
    ]);
  });

  it('has exactly 18 operations on 12 paths, with the source operationIds, methods and paths', () => {
    const operations = listOperations(doc);
    expect(operations).toHaveLength(18);
    expect(new Set(operations.map((o) => o.path)).size).toBe(12);
    expect(Object.keys(doc.paths as JsonObject)).toHaveLength(12);
    const actual = Object.fromEntries(operations.map((o) => [o.operationId, [o.method, o.path]]));
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_OPERATIONS).map(([id, [method, path]]) => [id, [method, path]]),
    );
    expect(actual).toEqual(expected);
  });

  it('tags every operation with Billing, Usage or Plans', () => {
    for (const { operationId, operation } of listOperations(doc)) {
      const tag = EXPECTED_OPERATIONS[operationId as keyof typeof EXPECTED_OPERATIONS][3];
      expect(operation.tags, operationId).toEqual([tag]);
    }
  });

  it('answers success with the source status code (201 for the DELETE of acquired offers)', () => {
    for (const [operationId, [, , status]] of Object.entries(EXPECTED_OPERATIONS)) {
      const success = Object.keys(responsesOf(operationId)).filter((code) => code.startsWith('2'));
      expect(success, operationId).toEqual([status]);
    }
  });

  it('uses UsageError for the two usage operations and ErrorBody for all others, on 400/403/404/default (+500 for usage)', () => {
    for (const operationId of Object.keys(EXPECTED_OPERATIONS)) {
      const usage = USAGE_OPERATIONS.has(operationId);
      const errorSchema = usage ? '#/components/schemas/UsageError' : '#/components/schemas/ErrorBody';
      const responses = responsesOf(operationId);
      const errorCodes = Object.keys(responses).filter((code) => !code.startsWith('2'));
      expect(errorCodes.sort(), operationId).toEqual(
        usage ? ['400', '403', '404', '500', 'default'] : ['400', '403', '404', 'default'],
      );
      for (const code of errorCodes) {
        const mediaType = jsonMediaType(responses[code] as JsonObject);
        expect(mediaType.schema, `${operationId} ${code}`).toEqual({ $ref: errorSchema });
        expect('example' in mediaType || isObject(mediaType.examples), `${operationId} ${code} example`).toBe(
          true,
        );
      }
    }
  });

  it('sends every request body as required application/json', () => {
    for (const { operationId, operation } of listOperations(doc)) {
      if (operation.requestBody === undefined) continue;
      const body = operation.requestBody as JsonObject;
      expect(body.required, operationId).toBe(true);
      expect(Object.keys(body.content as JsonObject), operationId).toEqual(['application/json']);
    }
  });

  it('defines exactly the agreed component schemas', () => {
    expect(Object.keys(schemas()).sort()).toEqual([...EXPECTED_SCHEMAS].sort());
  });

  it('records the source name of renamed schemas in x-source-name', () => {
    const renamed = Object.fromEntries(
      Object.entries(schemas())
        .filter(([, schema]) => typeof schema['x-source-name'] === 'string')
        .map(([name, schema]) => [name, schema['x-source-name']]),
    );
    expect(renamed).toEqual({
      PlanUpgradeRequest: 'PlanUpgrate',
      AdditionalSubscription: 'AdditionalSubscriptions',
      UsagePerHourResponse: 'getUsagePerHourResponse',
      UsagePerHourList: 'usagePerHourList',
      UsagePerHourDetail: 'usagePerHourDetail',
      UsagePercentageResponse: 'getUsagePercentageResponse',
      UsagePercentageList: 'usagePercentageList',
      UsagePercentageDetail: 'usagePercentageDetail',
      UsageError: 'error',
      ErrorBody: 'errorBody',
      SuccessBody: 'successBody',
    });
  });

  it('keeps the corrections the gateway relies on', () => {
    const s = schemas();
    expect(s.ByteCount).toMatchObject({ type: 'integer', format: 'int64', minimum: 0 });
    expect(s.PlanAdditional?.required).toEqual(
      expect.arrayContaining(['name', 'planId', 'planName', 'monthlyAmount', 'currencyId', 'categoryName']),
    );
    for (const list of [
      'FavoriteNumberList',
      'OfferList',
      'PlanList',
      'UsagePerHourList',
      'UsagePercentageList',
    ]) {
      expect(s[list]?.type, list).toBe('array');
    }
    expect(s.UsageResolution?.enum).toEqual(['HOUR', 'DAY']);
    expect(String((doc.info as JsonObject).description)).toContain('## Corrections to the source');
  });

  it('compiles every component schema with Ajv (JSON Schema 2020-12, strict)', () => {
    expect(compileComponentSchemas(doc)).toEqual([]);
  });

  it('validates every schema, parameter, request and response example against its schema', () => {
    expect(checkExamples(doc)).toEqual([]);
  });

  it('has examples on every schema and on every request body and response', () => {
    expect(checkExampleCoverage(doc)).toEqual([]);
  });

  it('reports invalid examples and undeclared required properties', () => {
    const broken = structuredClone(doc);
    const { ByteCount, PlanAdditional } = schemas(broken);
    if (!ByteCount || !PlanAdditional) throw new Error('ByteCount and PlanAdditional must exist');
    (ByteCount.examples as unknown[]).push(-1);
    delete (PlanAdditional.properties as JsonObject).currencyId;
    const ajv = createSchemaAjv(broken);
    expect(checkExamples(broken, ajv)).toEqual(
      expect.arrayContaining([expect.stringContaining('/components/schemas/ByteCount/examples/2')]),
    );
    expect(compileComponentSchemas(broken, ajv)).toEqual([
      expect.stringContaining('components/schemas/PlanAdditional: does not compile'),
    ]);
  });

  it('has up-to-date generated types in src/contract/__generated__/self-care.ts', async () => {
    const [committed, regenerated] = await Promise.all([
      readFile(GENERATED_TYPES_PATH, 'utf8'),
      generateTypes(),
    ]);
    expect(committed).toBe(regenerated);
  }, 60_000);
});
