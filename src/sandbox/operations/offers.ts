// Offers: a catalog per market and channel, purchases by active lines, and their cancellation.

import { forbidden, notFound } from '../../contract/errors.ts';
import type { Offer, SuccessBody } from '../../contract/wire.ts';
import { transaction } from '../db.ts';
import type { Deps, Handlers } from './types.ts';

interface OfferRow {
  offer_id: string;
  name: string;
  description: string;
  validity: string;
  validity_unit: string;
  category: string;
  subcategory: string;
  rank: number;
  amount: number;
  currency: string;
  available: number;
  methods: string;
}

const toWire = (row: OfferRow): Offer => ({
  OfferId: row.offer_id,
  OfferName: row.name,
  Description: row.description,
  Validity: row.validity,
  ValidityUnit: row.validity_unit,
  CategoryName: row.category,
  SubCategoryName: row.subcategory,
  Rank: row.rank,
  amount: row.amount,
  currencyId: row.currency,
  AcquisitionMethodList: JSON.parse(row.methods),
});

type OfferOps =
  | 'GetAvailableOffersByMSISDN'
  | 'PurchaseOfferbyMSISDNandOfferId'
  | 'DeleteOfferbyMSISDNandOfferId';

export function offerHandlers({ db, subscriber }: Deps): Handlers<OfferOps> {
  const byChannel = db.prepare(
    "SELECT * FROM offers WHERE country = ? AND available = 1 AND instr(channels, ',' || ? || ',') > 0 ORDER BY rank",
  );
  const byId = db.prepare('SELECT * FROM offers WHERE country = ? AND offer_id = ?');
  const owned = db.prepare('SELECT 1 FROM acquired_offers WHERE msisdn = ? AND offer_id = ?');
  const acquire = db.prepare('INSERT INTO acquired_offers (msisdn, offer_id, acquired_at) VALUES (?, ?, ?)');
  const cancel = db.prepare('DELETE FROM acquired_offers WHERE msisdn = ? AND offer_id = ?');

  return {
    GetAvailableOffersByMSISDN: ({ country, msisdn, params }) => {
      subscriber(country, msisdn);
      return (byChannel.all(country, String(params.channelId)) as unknown as OfferRow[]).map(toWire);
    },

    PurchaseOfferbyMSISDNandOfferId: ({ country, msisdn, params, now }): SuccessBody => {
      const offerId = String(params.offerId);
      return transaction(db, () => {
        const line = subscriber(country, msisdn);
        const offer = byId.get(country, offerId) as OfferRow | undefined;
        if (!offer) throw notFound(`Offer ${offerId} was not found`);
        if (!offer.available) throw notFound(`Offer ${offerId} (${offer.name}) is no longer available`);
        if (line.sim_status === 'Blocked') throw forbidden('The line is blocked: it cannot acquire offers');
        if (owned.get(msisdn, offerId))
          throw forbidden(`Offer ${offerId} (${offer.name}) is already active on this line`);
        acquire.run(msisdn, offerId, new Date(now).toISOString());
        return {
          response: 'ACQUIRED',
          message: `Offer ${offerId} (${offer.name}) acquired for ${offer.amount.toFixed(2)} ${offer.currency}`,
        };
      });
    },

    DeleteOfferbyMSISDNandOfferId: ({ country, msisdn, params }): SuccessBody => {
      const offerId = String(params.offerId);
      return transaction(db, () => {
        subscriber(country, msisdn);
        if (cancel.run(msisdn, offerId).changes === 0)
          throw notFound(`Offer ${offerId} is not active on this line`);
        return { response: 'DELETED', message: `Offer ${offerId} removed from the line` };
      });
    },
  };
}
