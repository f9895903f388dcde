// Favorite numbers: a few slots per line, no duplicates, and never the line itself.

import { badRequest, forbidden, notFound } from '../../contract/errors.ts';
import type { FavoriteNumber, SuccessBody } from '../../contract/wire.ts';
import { transaction } from '../db.ts';
import { FAVORITE_SLOTS } from '../seed.ts';
import type { Deps, Handlers } from './types.ts';

interface FavoriteRow {
  phone_number: string;
  expiration_date: string | null;
  label: string | null;
  plan_code: string | null;
}

const toWire = (row: FavoriteRow): FavoriteNumber => ({
  PhoneNumber: row.phone_number,
  ...(row.expiration_date !== null && { ExpirationDate: row.expiration_date }),
  ...(row.label !== null && { Label: row.label }),
  ...(row.plan_code !== null && { PlanCode: row.plan_code }),
});

const digits = (phone: string): string => phone.replace(/^\+/, '');

type FavoriteOps =
  | 'GetFavoriteNumbersByMSISDN'
  | 'AddFavoriteNumberByMSISDN'
  | 'DeleteFavoriteNumberByMSISDN';

export function favoriteHandlers({ db, subscriber }: Deps): Handlers<FavoriteOps> {
  const list = db.prepare(
    'SELECT phone_number, expiration_date, label, plan_code FROM favorites WHERE msisdn = ? ORDER BY added_at',
  );
  const usage = db.prepare(
    'SELECT count(*) AS used, coalesce(max(added_at), -1) AS last, sum(phone_number = ?) AS duplicate FROM favorites WHERE msisdn = ?',
  );
  const insert = db.prepare(
    'INSERT INTO favorites (msisdn, phone_number, expiration_date, label, plan_code, added_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM favorites WHERE msisdn = ? AND phone_number = ?');

  return {
    GetFavoriteNumbersByMSISDN: ({ country, msisdn }) => {
      subscriber(country, msisdn);
      return (list.all(msisdn) as unknown as FavoriteRow[]).map(toWire);
    },

    AddFavoriteNumberByMSISDN: ({ country, msisdn, body, now }): SuccessBody => {
      const favorite = body as FavoriteNumber;
      const phone = digits(favorite.PhoneNumber);
      if (phone === msisdn) throw badRequest('A line cannot be its own favorite number');
      const today = new Date(now).toISOString().slice(0, 10);
      if (favorite.ExpirationDate !== undefined && favorite.ExpirationDate < today) {
        throw badRequest(`ExpirationDate ${favorite.ExpirationDate} is in the past`);
      }
      return transaction(db, () => {
        subscriber(country, msisdn);
        const { used, last, duplicate } = usage.get(phone, msisdn) as {
          used: number;
          last: number;
          duplicate: number;
        };
        if (duplicate) throw forbidden(`${phone} is already a favorite number of this line`);
        if (used >= FAVORITE_SLOTS) {
          throw forbidden(`No favorite slots left: ${used} of ${FAVORITE_SLOTS} in use; remove one first`);
        }
        insert.run(
          msisdn,
          phone,
          favorite.ExpirationDate ?? null,
          favorite.Label ?? null,
          favorite.PlanCode ?? null,
          last + 1,
        );
        return {
          response: 'ADDED',
          message: `Favorite number ${phone} added (${used + 1} of ${FAVORITE_SLOTS} slots in use)`,
        };
      });
    },

    DeleteFavoriteNumberByMSISDN: ({ country, msisdn, body }): SuccessBody => {
      const phone = digits((body as FavoriteNumber).PhoneNumber);
      return transaction(db, () => {
        subscriber(country, msisdn);
        if (remove.run(msisdn, phone).changes === 0)
          throw notFound(`${phone} is not a favorite number of this line`);
        return { response: 'DELETED', message: `Favorite number ${phone} deleted` };
      });
    },
  };
}
