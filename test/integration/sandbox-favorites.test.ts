import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, FavoriteNumber, SuccessBody } from '../../src/contract/wire.ts';
import { FAVORITE_SLOTS } from '../../src/sandbox/seed.ts';
import { plainLine, startSandbox, type TestSandbox } from '../helpers/sandbox.ts';

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(() => t.close());

const list = async (msisdn: string) =>
  (await t.call<FavoriteNumber[]>('GetFavoriteNumbersByMSISDN', { msisdn })).body;
const add = (msisdn: string, body: unknown) =>
  t.call<SuccessBody & ErrorBody>('AddFavoriteNumberByMSISDN', { msisdn, body });
const remove = (msisdn: string, body: unknown) =>
  t.call<SuccessBody & ErrorBody>('DeleteFavoriteNumberByMSISDN', { msisdn, body });

/** Empties a line's favorites through the API, so each test starts from a known list. */
async function emptyLine(skip: number): Promise<string> {
  const msisdn = plainLine(t.sandbox, 'hn', skip);
  for (const f of await list(msisdn))
    expect((await remove(msisdn, { PhoneNumber: f.PhoneNumber })).status).toBe(200);
  expect(await list(msisdn)).toEqual([]);
  return msisdn;
}

describe('sandbox: favorite numbers', () => {
  it('lists the seeded favorites as a bare array', async () => {
    const favorites = await list(t.demo.active.msisdn);
    expect(Array.isArray(favorites)).toBe(true);
    expect(favorites).toHaveLength(2);
    expect(favorites[0]?.PhoneNumber).toMatch(/^504\d{8}$/);
  });

  it('adds a favorite with 201 and stores ExpirationDate, Label and PlanCode', async () => {
    const msisdn = await emptyLine(0);
    const res = await add(msisdn, {
      PhoneNumber: '+50433334444',
      ExpirationDate: '2099-12-31',
      Label: 'Oficina',
      PlanCode: '802',
    });
    expect(res.status).toBe(201);
    expect(res.body.message).toMatch(/1 of 5/);
    await add(msisdn, { PhoneNumber: '50455556666' });
    expect(await list(msisdn)).toEqual([
      { PhoneNumber: '50433334444', ExpirationDate: '2099-12-31', Label: 'Oficina', PlanCode: '802' },
      { PhoneNumber: '50455556666' },
    ]);
  });

  it(`refuses the favorite after ${FAVORITE_SLOTS} slots with 403 and a clear message`, async () => {
    const msisdn = t.demo.favoritesFull.msisdn;
    const before = await list(msisdn);
    expect(before).toHaveLength(FAVORITE_SLOTS);
    const res = await add(msisdn, { PhoneNumber: '50412121212' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 403, message: expect.stringMatching(/No favorite slots left: 5 of 5/) });
    expect(await list(msisdn)).toEqual(before);
  });

  it('refuses a duplicate, with or without the +, and keeps one copy', async () => {
    const msisdn = await emptyLine(1);
    expect((await add(msisdn, { PhoneNumber: '50477778888' })).status).toBe(201);
    const again = await add(msisdn, { PhoneNumber: '+50477778888', Label: 'otra vez' });
    expect(again.status).toBe(403);
    expect(again.body.message).toMatch(/already a favorite/);
    expect(await list(msisdn)).toEqual([{ PhoneNumber: '50477778888' }]);
  });

  it.each([
    ['no PhoneNumber', { Label: 'Casa' }],
    ['a PhoneNumber with letters', { PhoneNumber: '504-CALL-ME' }],
    ['a malformed ExpirationDate', { PhoneNumber: '50411112222', ExpirationDate: '31/12/2099' }],
    ['an ExpirationDate in the past', { PhoneNumber: '50411112222', ExpirationDate: '2001-01-01' }],
    ['the line itself', 'self'],
  ])('refuses %s with 400 and writes nothing', async (_, body) => {
    const msisdn = await emptyLine(2);
    const res = await add(msisdn, body === 'self' ? { PhoneNumber: msisdn } : body);
    expect(res.status).toBe(400);
    expect(await list(msisdn)).toEqual([]);
  });

  it('deletes a favorite, and answers 404 for a number that is not there', async () => {
    const msisdn = await emptyLine(3);
    await add(msisdn, { PhoneNumber: '50499990000' });
    const res = await remove(msisdn, { PhoneNumber: '50499990000' });
    expect(res.status).toBe(200);
    expect(await list(msisdn)).toEqual([]);
    const missing = await remove(msisdn, { PhoneNumber: '50499990000' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/not a favorite/);
  });

  it('frees a slot on delete, so a full line can add again', async () => {
    const msisdn = await emptyLine(4);
    for (let i = 0; i < FAVORITE_SLOTS; i++)
      expect((await add(msisdn, { PhoneNumber: `5043000000${i}` })).status).toBe(201);
    expect((await add(msisdn, { PhoneNumber: '50430000009' })).status).toBe(403);
    expect((await remove(msisdn, { PhoneNumber: '50430000002' })).status).toBe(200);
    expect((await add(msisdn, { PhoneNumber: '50430000009' })).status).toBe(201);
    expect((await list(msisdn)).map((f) => f.PhoneNumber)).toEqual([
      '50430000000',
      '50430000001',
      '50430000003',
      '50430000004',
      '50430000009',
    ]);
  });

  it('answers 404 for an unknown line on every favorites operation', async () => {
    const msisdn = '50400000002';
    expect((await t.call('GetFavoriteNumbersByMSISDN', { msisdn })).status).toBe(404);
    expect((await add(msisdn, { PhoneNumber: '50411112222' })).status).toBe(404);
    expect((await remove(msisdn, { PhoneNumber: '50411112222' })).status).toBe(404);
  });
});
