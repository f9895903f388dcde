// Phone lease: the device contract some lines have.

import { notFound } from '../../contract/errors.ts';
import type { PhoneLeaseInfo } from '../../contract/wire.ts';
import type { Deps, Handlers } from './types.ts';

export function leaseHandlers({ db, subscriber }: Deps): Handlers<'GetPhoneLeaseDetailsbyMSISDN'> {
  const byMsisdn = db.prepare(
    `SELECT clause_id AS clauseId, last_billing_date AS lastBillingDate, next_renewal_date AS nextRenewalDate,
       type_clause_id AS typeClauseId, imei, gama, brand, model, insurance, status
     FROM leases WHERE msisdn = ?`,
  );
  return {
    GetPhoneLeaseDetailsbyMSISDN: ({ country, msisdn }) => {
      subscriber(country, msisdn);
      const lease = byMsisdn.get(msisdn) as PhoneLeaseInfo | undefined;
      if (!lease) throw notFound(`No phone lease was found for ${msisdn}`);
      return { ...lease };
    },
  };
}
