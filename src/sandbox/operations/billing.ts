// Billing: the line's status per asset, and its data usage by app.

import { badRequest } from '../../contract/errors.ts';
import type { Status, StatusChangeRequest } from '../../contract/wire.ts';
import { transaction } from '../db.ts';
import { hourlyByApp, MAX_RANGE_MS, percentageByApp, type Resolution, type UsageWindow } from '../usage.ts';
import type { Deps, Handlers, OperationInput, Subscriber } from './types.ts';

/** One status for the line: SIM_IMEI when SIM and device agree, else the blocked asset. */
function statusOf(s: Subscriber): Status {
  const reason = s.status_reason ? ` (${s.status_reason})` : '';
  if (s.sim_status === s.imei_status) {
    return s.sim_status === 'Active'
      ? { code: 'Active', assetType: 'SIM_IMEI', description: 'SIM and device active' }
      : { code: 'Blocked', assetType: 'SIM_IMEI', description: `SIM and device blocked${reason}` };
  }
  return s.sim_status === 'Blocked'
    ? { code: 'Blocked', assetType: 'SIM', description: `SIM blocked, device active${reason}` }
    : { code: 'Blocked', assetType: 'IMEI', description: `Device blocked, SIM active${reason}` };
}

/**
 * An RFC 3339 date-time as milliseconds. Two forms the contract's format check lets through but
 * Date.parse does not read are taken as meant: an hour-only offset (+01) and a leap second (:60).
 */
export function parseInstant(name: string, value: string): number {
  const normalised = value.replace(/([+-]\d{2})$/, '$1:00');
  const leap = /:60(?=(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)/.test(normalised);
  const ms = Date.parse(leap ? normalised.replace(/:60(?=(\.\d+)?([Zz]|[+-]))/, ':59') : normalised);
  if (Number.isNaN(ms)) throw badRequest(`${name} is not an RFC 3339 date-time: ${value}`);
  return leap ? ms + 1000 : ms;
}

/** The window asked for, checked before the line is looked up, so bad input is a 400 even for an unknown line. */
function usageWindow({ params, now }: OperationInput): UsageWindow {
  const end = params.endDate === undefined ? now : parseInstant('endDate', String(params.endDate));
  const start =
    params.startDate === undefined
      ? end - 24 * 3_600_000
      : parseInstant('startDate', String(params.startDate));
  if (start > end) throw badRequest('startDate must not be after endDate');
  if (end - start > MAX_RANGE_MS) throw badRequest('The period must not be longer than 31 days');
  return { start, end, now };
}

type BillingOps =
  | 'GetStatusOfSubscriberByMSISDN'
  | 'UpdateStatusOfSubscriberByMSISDN'
  | 'GetDataUsageByMSISDNPerHourAndApp'
  | 'GetDataUsagePercentageByMSISDNPerApp';

export function billingHandlers({ db, subscriber }: Deps): Handlers<BillingOps> {
  const update = db.prepare(
    'UPDATE subscribers SET sim_status = ?, imei_status = ?, status_reason = ? WHERE msisdn = ? AND country = ?',
  );

  return {
    GetStatusOfSubscriberByMSISDN: ({ country, msisdn }) => statusOf(subscriber(country, msisdn)),

    UpdateStatusOfSubscriberByMSISDN: ({ country, msisdn, body }) => {
      const change = body as StatusChangeRequest;
      return transaction(db, () => {
        const line = subscriber(country, msisdn);
        const sim = change.assetType === 'IMEI' ? line.sim_status : change.code;
        const imei = change.assetType === 'SIM' ? line.imei_status : change.code;
        const blocking = change.code === 'Blocked';
        const reason =
          sim === 'Active' && imei === 'Active'
            ? null
            : blocking
              ? (change.updateReason ?? null)
              : line.status_reason;
        update.run(sim, imei, reason, msisdn, country);
        return statusOf({ ...line, sim_status: sim, imei_status: imei, status_reason: reason });
      });
    },

    GetDataUsageByMSISDNPerHourAndApp: (input) => {
      const window = usageWindow(input);
      const line = subscriber(input.country, input.msisdn);
      return hourlyByApp(line.msisdn, line.usage_tier, window);
    },

    GetDataUsagePercentageByMSISDNPerApp: (input) => {
      const window = usageWindow(input);
      const line = subscriber(input.country, input.msisdn);
      return percentageByApp(line.msisdn, line.usage_tier, window, input.params.resolution as Resolution);
    },
  };
}
