// Plans: the market's catalog, the line's plan, plan changes and the requests for upgrades
// and additional subscriptions.

import { forbidden, notFound } from '../../contract/errors.ts';
import type { Plan, PlanAdditional, PlanType, PlanUpgradeRequest, SuccessBody } from '../../contract/wire.ts';
import { transaction } from '../db.ts';
import type { Deps, Handlers, Subscriber } from './types.ts';

interface PlanRow {
  plan_id: string;
  name: string;
  monthly_amount: number;
  currency: string;
  data_mb: number;
  category: string;
  rank: number;
  is_base: number;
  is_retention: number;
  is_additional: number;
  is_new: number;
  offerings: string;
}

const toWire = (row: PlanRow): Plan => ({
  planId: row.plan_id,
  planName: row.name,
  monthlyAmount: row.monthly_amount,
  planDataInMB: row.data_mb,
  currencyId: row.currency,
  status: 'ACTIVE',
  CategoryName: row.category,
  Rank: row.rank,
  productOfferingList: JSON.parse(row.offerings),
});

/** Which catalog plans a planType filter keeps for a line on `current`. */
const FILTERS: Record<PlanType, (plan: PlanRow, current: PlanRow) => boolean> = {
  upgrades: (p, c) => p.is_base === 1 && p.monthly_amount > c.monthly_amount,
  downgrades: (p, c) => p.is_base === 1 && p.monthly_amount < c.monthly_amount,
  retention: (p, c) => p.is_retention === 1 && p.plan_id !== c.plan_id,
  additional: (p) => p.is_additional === 1,
  new: (p, c) => p.is_new === 1 && p.plan_id !== c.plan_id,
};

type PlanOps =
  | 'GetCurrentPlanDetailsbyMSISDN'
  | 'UpdateCurrentPlanByMSISDN'
  | 'GetAvailablePlansbyMSISDN'
  | 'GetAvailablePlansUpgradesbyMSISDN'
  | 'GetUpgradeStatusbyMSISDN'
  | 'CreateUpgradeRequestbyMSISDN'
  | 'CreateSubscriptionRequestsbyMSISDN';

export function planHandlers({ db, subscriber }: Deps): Handlers<PlanOps> {
  const catalogOf = db.prepare('SELECT * FROM plans WHERE country = ? ORDER BY rank');
  const byId = db.prepare('SELECT * FROM plans WHERE country = ? AND plan_id = ?');
  const setPlan = db.prepare('UPDATE subscribers SET plan_id = ? WHERE msisdn = ?');
  const pending = db.prepare("SELECT * FROM upgrade_requests WHERE msisdn = ? AND status = 'PENDING'");
  const completePending = db.prepare(
    "UPDATE upgrade_requests SET status = 'COMPLETED' WHERE msisdn = ? AND status = 'PENDING'",
  );
  const insertUpgrade = db.prepare(
    "INSERT INTO upgrade_requests (msisdn, plan_id, body, status, created_at) VALUES (?, ?, ?, 'PENDING', ?)",
  );
  const insertSubscription = db.prepare(
    'INSERT INTO subscription_requests (msisdn, body, created_at) VALUES (?, ?, ?)',
  );

  const plan = (country: string, planId: string): PlanRow | undefined =>
    byId.get(country, planId) as PlanRow | undefined;
  const currentOf = (line: Subscriber): PlanRow => plan(line.country, line.plan_id) as PlanRow;
  /** A plan the line can be moved to: in the market's catalog and not an additional-line plan. */
  const linePlan = (country: string, planId: string): PlanRow => {
    const row = plan(country, planId);
    if (!row?.is_base) throw notFound(`Plan ${planId} was not found among this market's line plans`);
    return row;
  };
  const available = (country: string, msisdn: string, type: PlanType | undefined): Plan[] => {
    const current = currentOf(subscriber(country, msisdn));
    const catalog = catalogOf.all(country) as unknown as PlanRow[];
    const keep = type ? FILTERS[type] : () => true;
    return catalog.filter((p) => keep(p, current)).map(toWire);
  };

  const refuseBlocked = (line: Subscriber) => {
    if (line.sim_status === 'Blocked') throw forbidden('The line is blocked: its plan cannot change');
  };

  return {
    GetCurrentPlanDetailsbyMSISDN: ({ country, msisdn }) => toWire(currentOf(subscriber(country, msisdn))),

    UpdateCurrentPlanByMSISDN: ({ country, msisdn, body }): SuccessBody => {
      const { planId } = body as PlanUpgradeRequest;
      return transaction(db, () => {
        const line = subscriber(country, msisdn);
        const target = linePlan(country, planId);
        refuseBlocked(line);
        if (line.plan_id === planId)
          return { response: 'UNCHANGED', message: `The line is already on plan ${planId}` };
        setPlan.run(planId, msisdn);
        completePending.run(msisdn);
        return {
          response: 'UPDATED',
          message: `Plan changed from ${line.plan_id} to ${planId} (${target.name})`,
        };
      });
    },

    GetAvailablePlansbyMSISDN: ({ country, msisdn, params }) =>
      available(country, msisdn, params.planType as PlanType | undefined),

    GetAvailablePlansUpgradesbyMSISDN: ({ country, msisdn }) => available(country, msisdn, 'upgrades'),

    GetUpgradeStatusbyMSISDN: ({ country, msisdn }): SuccessBody => {
      subscriber(country, msisdn);
      const request = pending.get(msisdn) as { id: number; plan_id: string; created_at: string } | undefined;
      if (!request) throw notFound(`No upgrade request is in process for ${msisdn}`);
      return {
        response: 'PENDING',
        message: `Upgrade request ${request.id} to plan ${request.plan_id} is in process since ${request.created_at}`,
      };
    },

    CreateUpgradeRequestbyMSISDN: ({ country, msisdn, body, now }): SuccessBody => {
      const request = body as PlanUpgradeRequest;
      return transaction(db, () => {
        const line = subscriber(country, msisdn);
        const target = linePlan(country, request.planId);
        refuseBlocked(line);
        const current = currentOf(line);
        if (target.monthly_amount <= current.monthly_amount) {
          throw forbidden(
            `Plan ${target.plan_id} is not an upgrade from the current plan ${current.plan_id}`,
          );
        }
        const open = pending.get(msisdn) as { id: number } | undefined;
        if (open) throw forbidden(`An upgrade request is already in process (request ${open.id})`);
        const { lastInsertRowid } = insertUpgrade.run(
          msisdn,
          target.plan_id,
          JSON.stringify(request),
          new Date(now).toISOString(),
        );
        return {
          response: String(lastInsertRowid),
          message: `Upgrade request ${lastInsertRowid} to plan ${target.plan_id} (${target.name}) registered`,
        };
      });
    },

    CreateSubscriptionRequestsbyMSISDN: ({ country, msisdn, body, now }): SuccessBody => {
      const request = body as PlanAdditional;
      return transaction(db, () => {
        subscriber(country, msisdn);
        for (const planId of [
          request.planId,
          ...(request.AdditionalSubscriptionsList ?? []).map((s) => s.planId),
        ]) {
          if (!plan(country, planId)) throw notFound(`Plan ${planId} was not found in this market's catalog`);
        }
        const { lastInsertRowid } = insertSubscription.run(
          msisdn,
          JSON.stringify(request),
          new Date(now).toISOString(),
        );
        const extra = request.AdditionalSubscriptionsList?.length ?? 0;
        return {
          response: String(lastInsertRowid),
          message: `Subscription request ${lastInsertRowid} for plan ${request.planId} registered with ${extra} additional subscription(s)`,
        };
      });
    },
  };
}
