// The REST compatibility router's one route table: for each contract operation, the GraphQL
// operation it runs. Method and path come from the contract; the answer is the upstream's own, as it
// came (src/rest/router.ts).
import type {
  FavoriteNumber,
  OperationId,
  PlanAdditional,
  PlanUpgradeRequest,
  StatusChangeRequest,
} from '../contract/wire.ts';

type Obj = Record<string, unknown>;

export interface RouteInput {
  msisdn: string;
  /** The GraphQL Country enum value. */
  country: string;
  /** Path and query parameters, checked and completed by the contract. */
  params: Obj;
  /** The query as the client wrote it: values the gateway's types are narrower for pass as written. */
  query: Obj;
  /** The request body, checked by the contract. */
  body: unknown;
}

export interface Route {
  document: string;
  variables(input: RouteInput): Obj;
}

const PLAN = `planId name monthlyAmount currency dataMB status category rank offerings { category id details { name value } }`;
const OFFER = `offerId name description validity validityUnit category subCategory rank amount currency acquisitionMethods { id name }`;
// userErrors: a refused write answers no success body; the router then hands on the upstream's refusal.
const PAYLOAD = 'response message userErrors { code }';
// The original types these as plain strings (dates "ISO8601"), channelId as an unbounded integer:
// they pass as written, so the upstream, not a narrower GraphQL type, decides (a faithful shim).
const WINDOW = {
  startDate: { variable: 'from', type: 'String', raw: true },
  endDate: { variable: 'to', type: 'String', raw: true },
};

interface Arg {
  variable: string;
  type: string;
  /** Taken from the query as written, not as the contract's check coerced it. */
  raw?: boolean;
}

/** A query value as written (the first, when repeated). */
const written = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? null;

/**
 * A read of one resource of the line, through `lineAsWritten` (no separate existence check): the
 * path's MSISDN reaches the upstream as the client wrote it.
 */
function read(selection: string, args: Record<string, Arg> = {}): Route {
  const declared = Object.values(args).map(({ variable, type }) => `, $${variable}: ${type}`);
  return {
    document: `query Rest($msisdn: String!, $country: Country${declared.join('')}) { lineAsWritten(msisdn: $msisdn, country: $country) { ${selection} } }`,
    variables: ({ msisdn, country, params, query }) => ({
      msisdn,
      country,
      ...Object.fromEntries(
        Object.entries(args).map(([param, { variable, raw }]) => [
          variable,
          raw ? written(query[param]) : (params[param] ?? null),
        ]),
      ),
    }),
  };
}

/** A write: one mutation with an input built from the request. */
function write(mutation: string, input: (request: RouteInput) => Obj, inputType: string): Route {
  return {
    document: `mutation Rest($input: ${inputType}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    variables: (request) => ({
      input: { msisdnAsWritten: request.msisdn, country: request.country, ...input(request) },
    }),
  };
}

const planChange = ({ body }: RouteInput): Obj => {
  const b = body as PlanUpgradeRequest;
  return {
    planId: b.planId,
    planName: b.planName,
    monthlyAmount: b.monthlyAmount,
    currency: b.currencyId,
    category: b.categoryName,
    fromPlan: b.fromPlan,
    name: b.name,
    email: b.email,
  };
};

const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);

export const routes: Record<OperationId, Route> = {
  GetStatusOfSubscriberByMSISDN: read('status { code assetType description }'),

  UpdateStatusOfSubscriberByMSISDN: {
    document: `mutation Rest($input: UpdateStatusInput!) { updateStatus(input: $input) { status { code assetType description } userErrors { code } } }`,
    variables: ({ msisdn, country, body }) => {
      const b = body as StatusChangeRequest;
      return {
        input: {
          msisdnAsWritten: msisdn,
          country,
          code: upper(b.code),
          assetType: b.assetType,
          reason: b.updateReason,
          customerId: b.customerId,
          documentType: b.documentType,
          name: b.name,
          lastName: b.lastName,
        },
      };
    },
  },

  GetDataUsageByMSISDNPerHourAndApp: read(
    'usage { hourlyByApp(fromAsWritten: $from, toAsWritten: $to) { code description totalBytes lastUpdatedAt records { date hour appName bytes } } }',
    WINDOW,
  ),

  GetDataUsagePercentageByMSISDNPerApp: read(
    'usage { percentageByApp(fromAsWritten: $from, toAsWritten: $to, resolutionAsWritten: $resolution) { code description lastUpdatedAt records { date hour appName percentage bytes } } }',
    { ...WINDOW, resolution: { variable: 'resolution', type: 'String', raw: true } },
  ),

  GetFavoriteNumbersByMSISDN: read('favorites { phoneNumber expirationDate label planCode }'),

  AddFavoriteNumberByMSISDN: write(
    'addFavorite',
    ({ body }) => {
      const b = body as FavoriteNumber;
      return {
        phoneNumberAsWritten: b.PhoneNumber,
        expirationDate: b.ExpirationDate,
        label: b.Label,
        planCode: b.PlanCode,
      };
    },
    'AddFavoriteInput',
  ),

  DeleteFavoriteNumberByMSISDN: write(
    'removeFavorite',
    ({ body }) => ({ phoneNumberAsWritten: (body as FavoriteNumber).PhoneNumber }),
    'RemoveFavoriteInput',
  ),

  GetAvailableOffersByMSISDN: read(`offers(channelIdAsWritten: $channelId) { ${OFFER} }`, {
    channelId: { variable: 'channelId', type: 'String', raw: true },
  }),

  PurchaseOfferbyMSISDNandOfferId: write(
    'purchaseOffer',
    ({ params }) => ({ offerId: params.offerId }),
    'OfferInput',
  ),

  DeleteOfferbyMSISDNandOfferId: write(
    'cancelOffer',
    ({ params }) => ({ offerId: params.offerId }),
    'OfferInput',
  ),

  GetPhoneLeaseDetailsbyMSISDN: read(
    'phoneLease { clauseId lastBillingDate nextRenewalDate typeClauseId imei gama brand model insurance status }',
  ),

  GetCurrentPlanDetailsbyMSISDN: read(`plan { ${PLAN} }`),

  UpdateCurrentPlanByMSISDN: write('changePlan', planChange, 'PlanChangeInput'),

  GetAvailablePlansbyMSISDN: {
    ...read(`availablePlans(type: $type) { ${PLAN} }`, {
      planType: { variable: 'type', type: 'PlanType' },
    }),
    variables: ({ msisdn, country, params }) => ({ msisdn, country, type: upper(params.planType) ?? null }),
  },

  GetAvailablePlansUpgradesbyMSISDN: read(`planUpgrades { ${PLAN} }`),

  GetUpgradeStatusbyMSISDN: read('upgradeRequest { status message }'),

  CreateUpgradeRequestbyMSISDN: write('requestPlanUpgrade', planChange, 'PlanChangeInput'),

  CreateSubscriptionRequestsbyMSISDN: write(
    'requestAdditionalSubscriptions',
    ({ body }) => {
      const b = body as PlanAdditional;
      return {
        planId: b.planId,
        planName: b.planName,
        category: b.categoryName,
        monthlyAmount: b.monthlyAmount,
        currency: b.currencyId,
        name: b.name,
        email: b.email,
        fromPlan: b.fromPlan,
        subscriptions: b.AdditionalSubscriptionsList?.map((s) => ({
          planId: s.planId,
          planName: s.planName,
          category: s.categoryName,
          monthlyAmount: s.monthlyAmount,
          currency: s.currencyId,
          email: s.email,
        })),
      };
    },
    'AdditionalSubscriptionsInput',
  ),
};
