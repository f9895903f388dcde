import type { DatabaseSync } from 'node:sqlite';
import { notFound } from '../../contract/errors.ts';
import type { Subscriber } from './types.ts';

export function subscriberLookup(db: DatabaseSync): (country: string, msisdn: string) => Subscriber {
  const byMsisdn = db.prepare('SELECT * FROM subscribers WHERE msisdn = ? AND country = ?');
  return (country, msisdn) => {
    const row = byMsisdn.get(msisdn, country) as Subscriber | undefined;
    if (!row) throw notFound(`Subscriber ${msisdn} was not found in market ${country}`);
    return row;
  };
}
