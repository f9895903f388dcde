// Every mutation over HTTP: its payload (the upstream's response and message, and the line read
// fresh in the same request), the sandbox state it changed, and the refusals that change nothing:
// the operator's business refusals are the payload's userErrors (data), other failures errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lineTaker } from '../helpers/sandbox.ts';
import { type GraphQLAnswer, type Stack, startStack } from '../helpers/stack.ts';

let s: Stack;
beforeAll(async () => {
  // A larger seed than the default, so every test that writes gets a line of its own.
  s = await startStack({ sandbox: { subscribers: 1000 } });
});
afterAll(() => s.close());
beforeEach(() => s.resetUpstreamCalls());

// --- the sandbox's state, read straight from its database ---------------------------------------

const rows = <T>(sql: string, ...params: (string | number)[]): T[] =>
  s.upstream.sandbox.db.prepare(sql).all(...params) as T[];
const row = <T>(sql: string, ...params: (string | number)[]): T | undefined =>
  s.upstream.sandbox.db.prepare(sql).get(...params) as T | undefined;

const favoritesOf = (msisdn: string): string[] =>
  rows<{ phone_number: string }>(
    'SELECT phone_number FROM favorites WHERE msisdn = ? ORDER BY added_at',
    msisdn,
  ).map((r) => r.phone_number);
const lineRow = (msisdn: string) =>
  row<{ sim_status: string; imei_status: string; status_reason: string | null; plan_id: string }>(
    'SELECT sim_status, imei_status, status_reason, plan_id FROM subscribers WHERE msisdn = ?',
    msisdn,
  );
const pendingUpgrade = (msisdn: string) =>
  row<{ id: number; plan_id: string; body: string }>(
    "SELECT id, plan_id, body FROM upgrade_requests WHERE msisdn = ? AND status = 'PENDING'",
    msisdn,
  );
const hasOffer = (msisdn: string, offerId: string): boolean =>
  row('SELECT 1 FROM acquired_offers WHERE msisdn = ? AND offer_id = ?', msisdn, offerId) !== undefined;
const subscriptionRequests = (msisdn: string) =>
  rows<{ id: number; body: string }>(
    'SELECT id, body FROM subscription_requests WHERE msisdn = ? ORDER BY id',
    msisdn,
  );
const offerRow = (offerId: string) =>
  row<{ name: string; amount: number; currency: string }>(
    "SELECT name, amount, currency FROM offers WHERE country = 'hn' AND offer_id = ?",
    offerId,
  ) as { name: string; amount: number; currency: string };

const freshLine = lineTaker(() => s.upstream.sandbox);

// --- GraphQL ------------------------------------------------------------------------------------

interface Favorite {
  phoneNumber: string;
  label: string | null;
  expirationDate: string | null;
  planCode: string | null;
}
interface Payload<S = Record<string, unknown>> {
  response: string | null;
  message: string | null;
  subscriber: S;
}
type ErrorOf = NonNullable<GraphQLAnswer['errors']>[number];

interface UserError {
  code: string;
  message: string;
}

/**
 * The one refusal of a refused mutation: data with no error, response and message null, and the
 * line as it is in the payload.
 */
function onlyRefusal(res: GraphQLAnswer<unknown>, field: string): UserError {
  expect(res.status).toBe(200);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const payload = (res.data as Record<string, Payload & { userErrors: UserError[] }>)[field];
  expect(payload?.response).toBeNull();
  expect(payload?.message).toBeNull();
  expect(payload?.userErrors).toHaveLength(1);
  return payload?.userErrors[0] as UserError;
}

/** The answer's one error; fails the test when there is not exactly one. */
function onlyError(res: GraphQLAnswer<unknown>): ErrorOf {
  expect(res.errors, JSON.stringify(res.errors)).toHaveLength(1);
  return (res.errors as ErrorOf[])[0] as ErrorOf;
}

const FAVORITE_FIELDS = 'phoneNumber label expirationDate planCode';

const ADD_FAVORITE = `mutation Add($input: AddFavoriteInput!) {
  addFavorite(input: $input) {
    response
    message
    userErrors { code message }
    subscriber { msisdn favorites { ${FAVORITE_FIELDS} } }
  }
}`;

const REMOVE_FAVORITE = `mutation Remove($input: RemoveFavoriteInput!) {
  removeFavorite(input: $input) {
    response
    message
    subscriber { msisdn favorites { ${FAVORITE_FIELDS} } }
  }
}`;

const UPDATE_STATUS = `mutation Status($input: UpdateStatusInput!) {
  updateStatus(input: $input) {
    response
    message
    status { code assetType description }
    subscriber { msisdn status { code assetType description } }
  }
}`;

const PURCHASE = `mutation Buy($input: OfferInput!) {
  purchaseOffer(input: $input) {
    response message userErrors { code message } subscriber { msisdn offers { offerId name } }
  }
}`;

const CANCEL = `mutation Cancel($input: OfferInput!) {
  cancelOffer(input: $input) { response message subscriber { msisdn } }
}`;

const CHANGE_PLAN = `mutation Change($input: PlanChangeInput!) {
  changePlan(input: $input) {
    response
    message
    subscriber { msisdn plan { planId name currency } upgradeRequest { status message } }
  }
}`;

const REQUEST_UPGRADE = `mutation Upgrade($input: PlanChangeInput!) {
  requestPlanUpgrade(input: $input) {
    response
    message
    userErrors { code message }
    subscriber { msisdn upgradeRequest { status message } }
  }
}`;

const REQUEST_SUBSCRIPTIONS = `mutation Additional($input: AdditionalSubscriptionsInput!) {
  requestAdditionalSubscriptions(input: $input) { response message subscriber { msisdn country } }
}`;

describe('gateway mutations: updateStatus', () => {
  it('blocks SIM and device, and the payload shows the new status without a second status read', async () => {
    const msisdn = freshLine();
    const res = await s.gql<{ updateStatus: Payload & { status: unknown } }>(UPDATE_STATUS, {
      input: {
        msisdn,
        code: 'BLOCKED',
        assetType: 'SIM_IMEI',
        reason: 'Robo de teléfono',
        customerId: '0801199012345',
        documentType: 'Identidad',
        name: 'Karen',
        lastName: 'Aguilar',
      },
    });
    expect(res.errors).toBeUndefined();
    const blocked = {
      code: 'BLOCKED',
      assetType: 'SIM_IMEI',
      description: 'SIM and device blocked (Robo de teléfono)',
    };
    expect(res.data?.updateStatus).toEqual({
      response: null,
      message: 'SIM and device blocked (Robo de teléfono)',
      status: blocked,
      subscriber: { msisdn, status: blocked },
    });
    // The PUT's answer primes the status: no GetStatus call for subscriber.status.
    expect(await s.upstreamCalls()).toEqual({ UpdateStatusOfSubscriberByMSISDN: 1 });
    expect(lineRow(msisdn)).toMatchObject({
      sim_status: 'Blocked',
      imei_status: 'Blocked',
      status_reason: 'Robo de teléfono',
    });
    const upstream = await s.upstream.call('GetStatusOfSubscriberByMSISDN', { msisdn });
    expect(upstream.body).toEqual({
      code: 'Blocked',
      assetType: 'SIM_IMEI',
      description: 'SIM and device blocked (Robo de teléfono)',
    });
  });

  it('runs two status changes in one request, each payload showing its own change, with no status read', async () => {
    const msisdn = freshLine();
    const res = await s.gql<{ block: Payload & { status: unknown }; unblock: Payload & { status: unknown } }>(
      `mutation Twice($msisdn: MSISDN!) {
        block: updateStatus(input: { msisdn: $msisdn, code: BLOCKED, assetType: SIM, reason: "Perdida" }) {
          status { code assetType } subscriber { status { code assetType description } }
        }
        unblock: updateStatus(input: { msisdn: $msisdn, country: HN, code: ACTIVE, assetType: SIM }) {
          status { code assetType } subscriber { status { code assetType description } }
        }
      }`,
      { msisdn: `+${msisdn}` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.block).toEqual({
      status: { code: 'BLOCKED', assetType: 'SIM' },
      subscriber: {
        status: { code: 'BLOCKED', assetType: 'SIM', description: 'SIM blocked, device active (Perdida)' },
      },
    });
    expect(res.data?.unblock).toEqual({
      status: { code: 'ACTIVE', assetType: 'SIM_IMEI' },
      subscriber: { status: { code: 'ACTIVE', assetType: 'SIM_IMEI', description: 'SIM and device active' } },
    });
    expect(await s.upstreamCalls()).toEqual({ UpdateStatusOfSubscriberByMSISDN: 2 });
    expect(lineRow(msisdn)).toMatchObject({
      sim_status: 'Active',
      imei_status: 'Active',
      status_reason: null,
    });
  });

  it('blocks only the device of a line with assetType IMEI', async () => {
    const msisdn = freshLine();
    const res = await s.gql<{ updateStatus: { status: unknown } }>(
      'mutation ($msisdn: MSISDN!) { updateStatus(input: { msisdn: $msisdn, code: BLOCKED, assetType: IMEI }) { status { code assetType } } }',
      { msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateStatus.status).toEqual({ code: 'BLOCKED', assetType: 'IMEI' });
    expect(lineRow(msisdn)).toMatchObject({ sim_status: 'Active', imei_status: 'Blocked' });
  });

  it('answers NOT_FOUND with the upstream message for an unknown line', async () => {
    const res = await s.gql(UPDATE_STATUS, {
      input: { msisdn: '50400000001', code: 'BLOCKED', assetType: 'SIM' },
    });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe('Subscriber 50400000001 was not found in market hn');
    expect(error.path).toEqual(['updateStatus']);
    expect(error.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('gateway mutations: favorites', () => {
  it('adds a favorite; the payload carries the upstream message and the fresh list with the new number', async () => {
    const msisdn = freshLine((m) => favoritesOf(m).length <= 4 && !favoritesOf(m).includes('50499887766'));
    const before = favoritesOf(msisdn);
    const res = await s.gql<{ addFavorite: Payload<{ msisdn: string; favorites: Favorite[] }> }>(
      ADD_FAVORITE,
      {
        input: {
          msisdn,
          phoneNumber: '+504 9988-7766',
          label: 'Casa',
          expirationDate: '2099-12-31',
          planCode: 'FAV3',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data?.addFavorite;
    expect(payload?.response).toBe('ADDED');
    expect(payload?.message).toBe(
      `Favorite number 50499887766 added (${before.length + 1} of 5 slots in use)`,
    );
    expect(payload?.subscriber.msisdn).toBe(msisdn);
    expect(payload?.subscriber.favorites.map((f) => f.phoneNumber)).toEqual([...before, '50499887766']);
    expect(payload?.subscriber.favorites.at(-1)).toEqual({
      phoneNumber: '50499887766',
      label: 'Casa',
      expirationDate: '2099-12-31',
      planCode: 'FAV3',
    });
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1, GetFavoriteNumbersByMSISDN: 1 });

    const upstream = await s.upstream.call<{ PhoneNumber: string; Label?: string }[]>(
      'GetFavoriteNumbersByMSISDN',
      { msisdn },
    );
    expect(upstream.body.at(-1)).toEqual({
      PhoneNumber: '50499887766',
      Label: 'Casa',
      ExpirationDate: '2099-12-31',
      PlanCode: 'FAV3',
    });
  });

  it('runs two aliased addFavorite in order: the second payload sees both numbers', async () => {
    const msisdn = freshLine((m) => favoritesOf(m).length <= 3);
    const before = favoritesOf(msisdn);
    const [x, y] = ['50431110001', '50431110002'];
    const res = await s.gql<{
      first: Payload<{ favorites: Favorite[] }>;
      second: Payload<{ favorites: Favorite[] }>;
    }>(
      `mutation Two($msisdn: MSISDN!, $x: PhoneNumber!, $y: PhoneNumber!) {
        first: addFavorite(input: { msisdn: $msisdn, phoneNumber: $x, label: "Uno" }) {
          response message subscriber { favorites { phoneNumber label } }
        }
        second: addFavorite(input: { msisdn: $msisdn, phoneNumber: $y, label: "Dos" }) {
          response message subscriber { favorites { phoneNumber label } }
        }
      }`,
      { msisdn, x, y },
    );
    expect(res.errors).toBeUndefined();
    const numbers = (p?: Payload<{ favorites: Favorite[] }>) =>
      p?.subscriber.favorites.map((f) => f.phoneNumber);
    expect(numbers(res.data?.first)).toEqual([...before, x]);
    expect(numbers(res.data?.second)).toEqual([...before, x, y]);
    expect(res.data?.first.message).toBe(
      `Favorite number ${x} added (${before.length + 1} of 5 slots in use)`,
    );
    expect(res.data?.second.message).toBe(
      `Favorite number ${y} added (${before.length + 2} of 5 slots in use)`,
    );
    expect(res.data?.second.subscriber.favorites.slice(-2)).toEqual([
      { phoneNumber: x, label: 'Uno' },
      { phoneNumber: y, label: 'Dos' },
    ]);
    // Each payload reads the list after its own write: two writes, two reads.
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 2, GetFavoriteNumbersByMSISDN: 2 });
    expect(favoritesOf(msisdn)).toEqual([...before, x, y]);
  });

  it('adds a favorite on the market named by country', async () => {
    const msisdn = freshLine((m) => favoritesOf(m).length <= 4, 'ni');
    const res = await s.gql<{ addFavorite: Payload<{ msisdn: string; favorites: Favorite[] }> }>(
      ADD_FAVORITE,
      {
        input: { msisdn, country: 'NI', phoneNumber: '50588887777' },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.addFavorite.response).toBe('ADDED');
    expect(res.data?.addFavorite.subscriber.favorites.map((f) => f.phoneNumber)).toContain('50588887777');
    expect(favoritesOf(msisdn)).toContain('50588887777');
  });

  it('removes a favorite; the payload list no longer has it', async () => {
    const msisdn = freshLine((m) => favoritesOf(m).length >= 2);
    const before = favoritesOf(msisdn);
    const gone = before[0] as string;
    const res = await s.gql<{ removeFavorite: Payload<{ msisdn: string; favorites: Favorite[] }> }>(
      REMOVE_FAVORITE,
      { input: { msisdn, phoneNumber: `+${gone}` } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.removeFavorite.response).toBe('DELETED');
    expect(res.data?.removeFavorite.message).toBe(`Favorite number ${gone} deleted`);
    expect(res.data?.removeFavorite.subscriber.favorites.map((f) => f.phoneNumber)).toEqual(before.slice(1));
    expect(await s.upstreamCalls()).toEqual({
      DeleteFavoriteNumberByMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
    });
    expect(favoritesOf(msisdn)).toEqual(before.slice(1));
  });

  it('refuses a sixth favorite with LIMIT_REACHED and the upstream message as data, and adds nothing', async () => {
    const { msisdn } = s.upstream.demo.favoritesFull;
    const before = favoritesOf(msisdn);
    expect(before).toHaveLength(5);
    const res = await s.gql<{ addFavorite: Payload<{ favorites: Favorite[] }> }>(ADD_FAVORITE, {
      input: { msisdn, phoneNumber: '50431110003' },
    });
    expect(onlyRefusal(res, 'addFavorite')).toEqual({
      code: 'LIMIT_REACHED',
      message: 'No favorite slots left: 5 of 5 in use; remove one first',
    });
    // The payload's line is the line as it is: its five favorites.
    expect(res.data?.addFavorite.subscriber.favorites.map((f) => f.phoneNumber)).toEqual(before);
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1, GetFavoriteNumbersByMSISDN: 1 });
    expect(favoritesOf(msisdn)).toEqual(before);
  });

  it('refuses a duplicate favorite (given with +) with ALREADY_ACTIVE, and changes nothing', async () => {
    const { msisdn } = s.upstream.demo.active;
    const before = favoritesOf(msisdn);
    const existing = before[0] as string;
    const res = await s.gql(ADD_FAVORITE, { input: { msisdn, phoneNumber: `+${existing}`, label: 'Otra' } });
    expect(onlyRefusal(res, 'addFavorite')).toEqual({
      code: 'ALREADY_ACTIVE',
      message: `${existing} is already a favorite number of this line`,
    });
    expect(favoritesOf(msisdn)).toEqual(before);
  });

  it('answers NOT_FOUND when removing a number that is not a favorite, and changes nothing', async () => {
    const { msisdn } = s.upstream.demo.active;
    const before = favoritesOf(msisdn);
    const res = await s.gql(REMOVE_FAVORITE, { input: { msisdn, phoneNumber: '50431119999' } });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe('50431119999 is not a favorite number of this line');
    expect(error.path).toEqual(['removeFavorite']);
    expect(error.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { operation: 'DeleteFavoriteNumberByMSISDN', status: 404 },
    });
    expect(favoritesOf(msisdn)).toEqual(before);
  });

  it('maps an upstream 400 (a past expiration date) to BAD_USER_INPUT with the upstream message', async () => {
    const { msisdn } = s.upstream.demo.active;
    const before = favoritesOf(msisdn);
    const res = await s.gql(ADD_FAVORITE, {
      input: { msisdn, phoneNumber: '50431110004', expirationDate: '2020-01-01' },
    });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe('ExpirationDate 2020-01-01 is in the past');
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      upstream: { operation: 'AddFavoriteNumberByMSISDN', status: 400 },
    });
    expect(await s.upstreamCalls()).toEqual({ AddFavoriteNumberByMSISDN: 1 });
    expect(favoritesOf(msisdn)).toEqual(before);
  });

  it.each([
    ['phoneNumber "abc"', { phoneNumber: 'abc' }, '"abc" is not a phone number'],
    [
      'expirationDate "2026-02-30"',
      { phoneNumber: '50431110005', expirationDate: '2026-02-30' },
      '"2026-02-30" is not a date (YYYY-MM-DD)',
    ],
    [
      'expirationDate "31/12/2099"',
      { phoneNumber: '50431110005', expirationDate: '31/12/2099' },
      '"31/12/2099" is not a date',
    ],
    ['phoneNumber "+504 99"', { phoneNumber: '+504 99' }, 'is not a phone number'],
  ])('refuses %s in the gateway with BAD_USER_INPUT and no upstream call', async (_, fields, message) => {
    const { msisdn } = s.upstream.demo.active;
    const before = favoritesOf(msisdn);
    const res = await s.gql(ADD_FAVORITE, { input: { msisdn, ...fields } });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    const error = onlyError(res);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(message);
    expect(await s.upstreamCalls()).toEqual({});
    expect(favoritesOf(msisdn)).toEqual(before);
  });

  it('refuses a bad line MSISDN in the gateway with BAD_USER_INPUT and no upstream call', async () => {
    const res = await s.gql(REMOVE_FAVORITE, { input: { msisdn: '504-abc', phoneNumber: '50431110006' } });
    expect(onlyError(res).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('refuses a bad number written inline in the document, with no upstream call and the scalar message', async () => {
    const res = await s.gql(
      `mutation { addFavorite(input: { msisdn: "${s.upstream.demo.active.msisdn}", phoneNumber: "abc" }) { response } }`,
    );
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    const error = onlyError(res);
    expect(error.message).toContain('"abc" is not a phone number');
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await s.upstreamCalls()).toEqual({});
  });

  it('runs on after a refusal (data), and stops at a failed mutation: the ones after an error do not run', async () => {
    const { msisdn } = s.upstream.demo.favoritesFull;
    const other = freshLine((m) => favoritesOf(m).length <= 3);
    const before = favoritesOf(other);
    const res = await s.gql<Record<string, { response: string | null; userErrors: UserError[] }>>(
      `mutation ($full: MSISDN!, $other: MSISDN!) {
        refused: addFavorite(input: { msisdn: $full, phoneNumber: "50431110007" }) { response userErrors { code } }
        after: addFavorite(input: { msisdn: $other, phoneNumber: "50431110007" }) { response userErrors { code } }
        failed: removeFavorite(input: { msisdn: $other, phoneNumber: "50431119998" }) { response }
        never: addFavorite(input: { msisdn: $other, phoneNumber: "50431110008" }) { response }
      }`,
      { full: msisdn, other },
    );
    expect(res.data).toBeNull();
    expect(onlyError(res)).toMatchObject({ path: ['failed'], extensions: { code: 'NOT_FOUND' } });
    // The 404 of the removal is followed by one read of the favorites, looking for the number as the
    // upstream may have stored it (written otherwise), before the NOT_FOUND is final.
    expect(await s.upstreamCalls()).toEqual({
      AddFavoriteNumberByMSISDN: 2,
      DeleteFavoriteNumberByMSISDN: 1,
      GetFavoriteNumbersByMSISDN: 1,
    });
    expect(favoritesOf(other)).toEqual([...before, '50431110007']);
  });
});

describe('gateway mutations: offers', () => {
  it('purchases an offer: the upstream message, the line in the payload and a row in acquired_offers', async () => {
    const msisdn = freshLine((m) => !hasOffer(m, '105'));
    const offer = offerRow('105');
    const res = await s.gql<{
      purchaseOffer: Payload<{ msisdn: string; offers: { offerId: string; name: string }[] }>;
    }>(PURCHASE, { input: { msisdn, offerId: '105' } });
    expect(res.errors).toBeUndefined();
    const payload = res.data?.purchaseOffer;
    expect(payload?.response).toBe('ACQUIRED');
    expect(payload?.message).toBe(
      `Offer 105 (${offer.name}) acquired for ${offer.amount.toFixed(2)} ${offer.currency}`,
    );
    expect(payload?.subscriber.msisdn).toBe(msisdn);
    expect(payload?.subscriber.offers).toContainEqual({ offerId: '105', name: offer.name });
    expect(await s.upstreamCalls()).toEqual({
      PurchaseOfferbyMSISDNandOfferId: 1,
      GetAvailableOffersByMSISDN: 1,
    });
    expect(hasOffer(msisdn, '105')).toBe(true);
  });

  it('cancels an offer the line has: DELETED, and the acquired_offers row is gone', async () => {
    const msisdn = freshLine((m) => hasOffer(m, '104'));
    const res = await s.gql<{ cancelOffer: Payload<{ msisdn: string }> }>(CANCEL, {
      input: { msisdn, offerId: '104' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.cancelOffer).toEqual({
      response: 'DELETED',
      message: 'Offer 104 removed from the line',
      subscriber: { msisdn },
    });
    expect(await s.upstreamCalls()).toEqual({ DeleteOfferbyMSISDNandOfferId: 1 });
    expect(hasOffer(msisdn, '104')).toBe(false);
  });

  it('purchases then cancels in one request, each with its own payload', async () => {
    const msisdn = freshLine((m) => !hasOffer(m, '201'));
    const res = await s.gql<{ buy: Payload; cancel: Payload }>(
      `mutation ($msisdn: MSISDN!) {
        buy: purchaseOffer(input: { msisdn: $msisdn, offerId: "201" }) { response message }
        cancel: cancelOffer(input: { msisdn: $msisdn, offerId: "201" }) { response message }
      }`,
      { msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.buy.response).toBe('ACQUIRED');
    expect(res.data?.cancel).toEqual({ response: 'DELETED', message: 'Offer 201 removed from the line' });
    expect(hasOffer(msisdn, '201')).toBe(false);
  });

  it('refuses a purchase by a blocked line with LINE_BLOCKED, and writes nothing', async () => {
    const { msisdn } = s.upstream.demo.blocked;
    const res = await s.gql(PURCHASE, { input: { msisdn, offerId: '105' } });
    expect(onlyRefusal(res, 'purchaseOffer')).toEqual({
      code: 'LINE_BLOCKED',
      message: 'The line is blocked: it cannot acquire offers',
    });
    expect(hasOffer(msisdn, '105')).toBe(false);
  });

  it('refuses an unknown offer with NOT_FOUND', async () => {
    const { msisdn } = s.upstream.demo.active;
    const res = await s.gql(PURCHASE, { input: { msisdn, offerId: '999' } });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe('Offer 999 was not found');
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(hasOffer(msisdn, '999')).toBe(false);
  });

  it('refuses an offer already active with ALREADY_ACTIVE', async () => {
    const msisdn = freshLine((m) => hasOffer(m, '104'));
    const res = await s.gql(PURCHASE, { input: { msisdn, offerId: '104' } });
    expect(onlyRefusal(res, 'purchaseOffer')).toEqual({
      code: 'ALREADY_ACTIVE',
      message: `Offer 104 (${offerRow('104').name}) is already active on this line`,
    });
    expect(hasOffer(msisdn, '104')).toBe(true);
  });

  it("takes an offer's global id (hn:105) as well as its own, and refuses another market's before any upstream call", async () => {
    const msisdn = freshLine((m) => !hasOffer(m, '105'));
    const res = await s.gql(PURCHASE, { input: { msisdn, offerId: 'hn:105' } });
    expect(res.errors).toBeUndefined();
    expect(hasOffer(msisdn, '105')).toBe(true);
    await s.resetUpstreamCalls();
    const other = await s.gql(CANCEL, { input: { msisdn, offerId: 'gt:105' } });
    expect(onlyError(other)).toMatchObject({
      message: 'gt:105 is of market GT; the line is in HN',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await s.upstreamCalls()).toEqual({});
    expect(hasOffer(msisdn, '105')).toBe(true);
  });

  it('answers NOT_FOUND when cancelling an offer the line does not have', async () => {
    const { msisdn } = s.upstream.demo.active;
    const res = await s.gql(CANCEL, { input: { msisdn, offerId: '106' } });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe('Offer 106 is not active on this line');
    expect(error.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { operation: 'DeleteOfferbyMSISDNandOfferId', status: 404 },
    });
  });
});

describe('gateway mutations: plans', () => {
  it('changes the plan: subscriber.plan is the new plan and the pending upgrade request is cleared', async () => {
    const { msisdn } = s.upstream.demo.pendingUpgrade;
    expect(pendingUpgrade(msisdn)).toBeDefined();
    const res = await s.gql<{ changePlan: Payload }>(CHANGE_PLAN, {
      input: { msisdn, planId: '863', planName: 'Todo Sin Limites Ilimitado', fromPlan: 'TigoApp' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.changePlan).toEqual({
      response: 'UPDATED',
      message: 'Plan changed from 802 to 863 (Todo Sin Limites Ilimitado)',
      subscriber: {
        msisdn,
        plan: { planId: '863', name: 'Todo Sin Limites Ilimitado', currency: 'HNL' },
        upgradeRequest: null,
      },
    });
    expect(await s.upstreamCalls()).toEqual({
      UpdateCurrentPlanByMSISDN: 1,
      GetCurrentPlanDetailsbyMSISDN: 1,
      GetUpgradeStatusbyMSISDN: 1,
    });
    expect(lineRow(msisdn)?.plan_id).toBe('863');
    expect(pendingUpgrade(msisdn)).toBeUndefined();
  });

  it('requests an upgrade: a PENDING upgradeRequest, and the request row holds the wire body', async () => {
    const msisdn = freshLine((m) => ['801', '802'].includes(lineRow(m)?.plan_id ?? '') && !pendingUpgrade(m));
    const res = await s.gql<{ requestPlanUpgrade: Payload<{ msisdn: string; upgradeRequest: unknown }> }>(
      REQUEST_UPGRADE,
      {
        input: {
          msisdn,
          planId: '863',
          planName: 'Todo Sin Limites Ilimitado',
          monthlyAmount: 1500,
          currency: 'HNL',
          category: 'Plan Sin Limite Hibrido',
          fromPlan: 'TigoApp',
          name: 'Karen Aguilar',
          email: 'karen@correo.example',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const request = pendingUpgrade(msisdn);
    expect(request?.plan_id).toBe('863');
    const payload = res.data?.requestPlanUpgrade;
    expect(payload?.response).toBe(String(request?.id));
    expect(payload?.message).toBe(
      `Upgrade request ${request?.id} to plan 863 (Todo Sin Limites Ilimitado) registered`,
    );
    expect(payload?.subscriber.upgradeRequest).toEqual({
      status: 'PENDING',
      message: expect.stringMatching(
        new RegExp(`^Upgrade request ${request?.id} to plan 863 is in process since `),
      ),
    });
    expect(await s.upstreamCalls()).toEqual({ CreateUpgradeRequestbyMSISDN: 1, GetUpgradeStatusbyMSISDN: 1 });
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      planId: '863',
      planName: 'Todo Sin Limites Ilimitado',
      monthlyAmount: 1500,
      currencyId: 'HNL',
      categoryName: 'Plan Sin Limite Hibrido',
      fromPlan: 'TigoApp',
      name: 'Karen Aguilar',
      email: 'karen@correo.example',
    });
    const upstream = await s.upstream.call('GetUpgradeStatusbyMSISDN', { msisdn });
    expect(upstream.body).toMatchObject({ response: 'PENDING' });
  });

  it('requests an upgrade then changes plan in one request: the second payload forgets the cached plan and request', async () => {
    const msisdn = freshLine((m) => lineRow(m)?.plan_id === '802' && !pendingUpgrade(m));
    const fields =
      'response subscriber { plan { planId } upgradeRequest { status } planUpgrades { planId } }';
    const res = await s.gql<{ ask: Payload; change: Payload }>(
      `mutation ($msisdn: MSISDN!) {
        ask: requestPlanUpgrade(input: { msisdn: $msisdn, planId: "863" }) { ${fields} }
        change: changePlan(input: { msisdn: $msisdn, planId: "862" }) { ${fields} }
      }`,
      { msisdn },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.ask.subscriber).toEqual({
      plan: { planId: '802' },
      upgradeRequest: { status: 'PENDING' },
      planUpgrades: [{ planId: '803' }, { planId: '861' }, { planId: '862' }, { planId: '863' }],
    });
    expect(res.data?.change).toEqual({
      response: 'UPDATED',
      subscriber: { plan: { planId: '862' }, upgradeRequest: null, planUpgrades: [{ planId: '863' }] },
    });
    expect(await s.upstreamCalls()).toEqual({
      CreateUpgradeRequestbyMSISDN: 1,
      UpdateCurrentPlanByMSISDN: 1,
      GetCurrentPlanDetailsbyMSISDN: 2,
      GetUpgradeStatusbyMSISDN: 2,
      GetAvailablePlansUpgradesbyMSISDN: 2,
    });
    expect(lineRow(msisdn)?.plan_id).toBe('862');
    expect(pendingUpgrade(msisdn)).toBeUndefined();
  });

  it('answers UNCHANGED for the plan the line is already on', async () => {
    const msisdn = freshLine((m) => lineRow(m)?.plan_id === '803');
    const res = await s.gql<{ changePlan: Payload<{ plan: { planId: string } }> }>(CHANGE_PLAN, {
      input: { msisdn, planId: 'hn:803' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.changePlan.response).toBe('UNCHANGED');
    expect(res.data?.changePlan.message).toBe('The line is already on plan 803');
    expect(res.data?.changePlan.subscriber.plan.planId).toBe('803');
  });

  it('refuses a plan change to an unknown plan with NOT_FOUND, and changes nothing', async () => {
    const { msisdn } = s.upstream.demo.active;
    const before = lineRow(msisdn)?.plan_id;
    const res = await s.gql(CHANGE_PLAN, { input: { msisdn, planId: '999' } });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe("Plan 999 was not found among this market's line plans");
    expect(error.path).toEqual(['changePlan']);
    expect(error.extensions).toMatchObject({
      code: 'NOT_FOUND',
      upstream: { operation: 'UpdateCurrentPlanByMSISDN', status: 404 },
    });
    expect(lineRow(msisdn)?.plan_id).toBe(before);
  });

  it('refuses a plan change for a blocked line with LINE_BLOCKED; the payload shows the plan it keeps', async () => {
    const { msisdn } = s.upstream.demo.blocked;
    const res = await s.gql<{ changePlan: Payload<{ plan: { planId: string } }> }>(
      CHANGE_PLAN.replace('message\n', 'message\n    userErrors { code message }\n'),
      { input: { msisdn, planId: '803' } },
    );
    expect(onlyRefusal(res, 'changePlan')).toEqual({
      code: 'LINE_BLOCKED',
      message: 'The line is blocked: its plan cannot change',
    });
    expect(res.data?.changePlan.subscriber.plan.planId).toBe('802');
    expect(lineRow(msisdn)?.plan_id).toBe('802');
  });

  it('refuses a plan that is not an upgrade with NOT_ELIGIBLE', async () => {
    const msisdn = freshLine((m) => lineRow(m)?.plan_id === '803' && !pendingUpgrade(m));
    const res = await s.gql(REQUEST_UPGRADE, { input: { msisdn, planId: '801' } });
    expect(onlyRefusal(res, 'requestPlanUpgrade')).toEqual({
      code: 'NOT_ELIGIBLE',
      message: 'Plan 801 is not an upgrade from the current plan 803',
    });
    expect(pendingUpgrade(msisdn)).toBeUndefined();
  });

  it('refuses a second upgrade request with PENDING_REQUEST and keeps the first', async () => {
    const msisdn = freshLine((m) => lineRow(m)?.plan_id === '801' && !pendingUpgrade(m));
    const first = await s.gql(REQUEST_UPGRADE, { input: { msisdn, planId: '862' } });
    expect(first.errors).toBeUndefined();
    const request = pendingUpgrade(msisdn);
    const res = await s.gql(REQUEST_UPGRADE, { input: { msisdn, planId: '863' } });
    expect(onlyRefusal(res, 'requestPlanUpgrade')).toEqual({
      code: 'PENDING_REQUEST',
      message: `An upgrade request is already in process (request ${request?.id})`,
    });
    expect(pendingUpgrade(msisdn)).toEqual(request);
  });

  it('requests additional subscriptions: the row holds the wire body with its PascalCase list', async () => {
    const msisdn = freshLine();
    const res = await s.gql<{ requestAdditionalSubscriptions: Payload<{ msisdn: string; country: string }> }>(
      REQUEST_SUBSCRIPTIONS,
      {
        input: {
          msisdn,
          planId: '236',
          planName: 'Linea Adicional 3GB',
          category: 'Linea Adicional',
          monthlyAmount: 200,
          currency: 'HNL',
          name: 'Karen Aguilar',
          email: 'karen@correo.example',
          fromPlan: 'TigoApp',
          subscriptions: [
            {
              planId: '237',
              planName: 'Linea Adicional Familiar 8GB',
              category: 'Linea Adicional',
              monthlyAmount: 300,
              currency: 'HNL',
              email: 'hijo@correo.example',
            },
            { planId: '236', planName: 'Linea Adicional 3GB' },
          ],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const stored = subscriptionRequests(msisdn);
    expect(stored).toHaveLength(1);
    const id = stored[0]?.id;
    expect(res.data?.requestAdditionalSubscriptions).toEqual({
      response: String(id),
      message: `Subscription request ${id} for plan 236 registered with 2 additional subscription(s)`,
      subscriber: { msisdn, country: 'HN' },
    });
    expect(await s.upstreamCalls()).toEqual({ CreateSubscriptionRequestsbyMSISDN: 1 });
    expect(JSON.parse(stored[0]?.body ?? '{}')).toEqual({
      planId: '236',
      planName: 'Linea Adicional 3GB',
      categoryName: 'Linea Adicional',
      monthlyAmount: 200,
      currencyId: 'HNL',
      name: 'Karen Aguilar',
      email: 'karen@correo.example',
      fromPlan: 'TigoApp',
      AdditionalSubscriptionsList: [
        {
          planId: '237',
          planName: 'Linea Adicional Familiar 8GB',
          categoryName: 'Linea Adicional',
          monthlyAmount: 300,
          currencyId: 'HNL',
          email: 'hijo@correo.example',
        },
        { planId: '236', planName: 'Linea Adicional 3GB' },
      ],
    });
  });

  it('requests an additional subscription without a list: the body carries no AdditionalSubscriptionsList', async () => {
    const msisdn = freshLine();
    const res = await s.gql<{ requestAdditionalSubscriptions: Payload }>(REQUEST_SUBSCRIPTIONS, {
      input: {
        msisdn,
        planId: '237',
        planName: 'Linea Adicional Familiar 8GB',
        category: 'Linea Adicional',
        monthlyAmount: 300,
        currency: 'HNL',
        name: 'Jose Lopez',
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.requestAdditionalSubscriptions.message).toMatch(/with 0 additional subscription\(s\)$/);
    const stored = subscriptionRequests(msisdn);
    expect(stored.map((r) => JSON.parse(r.body))).toEqual([
      {
        planId: '237',
        planName: 'Linea Adicional Familiar 8GB',
        categoryName: 'Linea Adicional',
        monthlyAmount: 300,
        currencyId: 'HNL',
        name: 'Jose Lopez',
      },
    ]);
  });

  it('refuses additional subscriptions naming an unknown plan with NOT_FOUND, and stores nothing', async () => {
    const msisdn = freshLine();
    const res = await s.gql(REQUEST_SUBSCRIPTIONS, {
      input: {
        msisdn,
        planId: '236',
        planName: 'Linea Adicional 3GB',
        category: 'Linea Adicional',
        monthlyAmount: 200,
        currency: 'HNL',
        name: 'Karen Aguilar',
        subscriptions: [{ planId: '998', planName: 'Nada' }],
      },
    });
    expect(res.data).toBeNull();
    const error = onlyError(res);
    expect(error.message).toBe("Plan 998 was not found in this market's catalog");
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(subscriptionRequests(msisdn)).toEqual([]);
  });

  it('refuses additional subscriptions missing required fields in the document as a validation error, with no upstream call', async () => {
    const msisdn = freshLine();
    const res = await s.gql(
      `mutation ($msisdn: MSISDN!) {
        requestAdditionalSubscriptions(input: {
          msisdn: $msisdn, planId: "236", planName: "Linea Adicional 3GB", category: "Linea Adicional", monthlyAmount: 200
          subscriptions: [{ planId: "237" }]
        }) { response }
      }`,
      { msisdn },
    );
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    const messages = (res.errors ?? []).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          '"AdditionalSubscriptionsInput.currency" of required type "String!" was not provided',
        ),
        expect.stringContaining(
          '"AdditionalSubscriptionsInput.name" of required type "String!" was not provided',
        ),
        expect.stringContaining(
          '"AdditionalSubscriptionInput.planName" of required type "String!" was not provided',
        ),
      ]),
    );
    for (const error of res.errors ?? []) expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await s.upstreamCalls()).toEqual({});
    expect(subscriptionRequests(msisdn)).toEqual([]);
  });

  it('refuses additional subscriptions whose variables miss required fields with BAD_USER_INPUT, with no upstream call', async () => {
    const msisdn = freshLine();
    const res = await s.gql(REQUEST_SUBSCRIPTIONS, {
      input: { msisdn, planId: '236', planName: 'Linea Adicional 3GB', category: 'Linea Adicional' },
    });
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    // One error per missing field, each a variable coercion error.
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual([
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
      'BAD_USER_INPUT',
    ]);
    const messages = (res.errors ?? []).map((e) => e.message).join('\n');
    for (const [field, type] of [
      ['monthlyAmount', 'Float!'],
      ['currency', 'String!'],
      ['name', 'String!'],
    ])
      expect(messages).toContain(`Field "${field}" of required type "${type}" was not provided`);
    expect(await s.upstreamCalls()).toEqual({});
    expect(subscriptionRequests(msisdn)).toEqual([]);
  });
});

describe('gateway mutations: correlation', () => {
  it('forwards the caller x-correlation-id on the write and on the payload reads', async () => {
    const msisdn = freshLine((m) => favoritesOf(m).length <= 4);
    const res = await s.gql(
      ADD_FAVORITE,
      { input: { msisdn, phoneNumber: '50431110008' } },
      {
        'x-correlation-id': 'mutation-test-1',
      },
    );
    expect(res.errors).toBeUndefined();
    const recent = await s.upstream.request<{ operationId: string; correlationId: string | null }[]>(
      'GET',
      '/__sandbox/requests',
    );
    expect(recent.body).toEqual([
      { operationId: 'AddFavoriteNumberByMSISDN', correlationId: 'mutation-test-1' },
      { operationId: 'GetFavoriteNumbersByMSISDN', correlationId: 'mutation-test-1' },
    ]);
  });
});
