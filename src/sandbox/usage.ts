// Data usage by app, derived from the MSISDN, its usage tier and the hour: never stored, so any
// seed size costs nothing here, and the same hour always reads the same.
import type {
  UsagePercentageDetail,
  UsagePercentageResponse,
  UsagePerHourDetail,
  UsagePerHourResponse,
} from '../contract/wire.ts';
import { hash32, hashString } from './hash.ts';

export const HOUR_MS = 3_600_000;
export const HISTORY_HOURS = 30 * 24;
export const MAX_RANGE_MS = 31 * 24 * HOUR_MS;

/** Apps and their share of a line's traffic. */
const APPS: readonly (readonly [string, number])[] = [
  ['YouTube', 0.22],
  ['TikTok', 0.16],
  ['Netflix', 0.14],
  ['Instagram', 0.12],
  ['Facebook', 0.1],
  ['WhatsApp', 0.08],
  ['Navegacion Web', 0.06],
  ['Google', 0.05],
  ['Spotify', 0.04],
  ['Otros', 0.03],
];

/** Bytes a day by usage tier: light, normal, and a hotspot line whose single app-hours pass 2^31. */
const DAILY_BYTES = [150e6, 1.5e9, 250e9] as const;

/** Share of a day's traffic by hour of day (UTC): quiet nights, busy evenings. */
const DIURNAL = (() => {
  const raw = [2, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 7, 6, 6, 6, 6, 7, 8, 9, 10, 10, 8, 5];
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
})();

export type Resolution = 'HOUR' | 'DAY';

export interface UsageWindow {
  start: number;
  end: number;
  now: number;
}

interface AppHour {
  hourStart: number;
  appName: string;
  bytes: number;
}

/** The completed hours of the last 30 days that overlap [start, end), and each app's bytes in them. */
function appHours(msisdn: string, tier: number, { start, end, now }: UsageWindow): AppHour[] {
  const currentHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const first = Math.max(Math.floor(start / HOUR_MS) * HOUR_MS, currentHour - HISTORY_HOURS * HOUR_MS);
  const last = Math.min(end, currentHour);
  const line = hashString(msisdn);
  const daily = DAILY_BYTES[tier] ?? DAILY_BYTES[1];
  const out: AppHour[] = [];
  for (let hourStart = first; hourStart < last; hourStart += HOUR_MS) {
    const hourIndex = hourStart / HOUR_MS;
    const hourShare = DIURNAL[new Date(hourStart).getUTCHours()] as number;
    APPS.forEach(([appName, appShare], app) => {
      const noise = hash32(line, hourIndex, app);
      if (noise % 7 === 0) return; // this app was not used in this hour
      const factor = 0.25 + (noise % 1000) / 571; // 0.25 .. ~2.0
      out.push({ hourStart, appName, bytes: Math.round(daily * hourShare * appShare * factor) });
    });
  }
  return out;
}

const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const hourOf = (ms: number): string => new Date(ms).toISOString().slice(11, 13);
const lastUpdated = (now: number): string => new Date(Math.floor(now / HOUR_MS) * HOUR_MS).toISOString();

export function hourlyByApp(msisdn: string, tier: number, window: UsageWindow): UsagePerHourResponse {
  const rows = appHours(msisdn, tier, window);
  const trafficDetails: UsagePerHourDetail[] = rows.map((r) => ({
    date: dateOf(r.hourStart),
    hour: hourOf(r.hourStart),
    appName: r.appName,
    trafficVolumeBytes: r.bytes,
  }));
  return {
    code: '0',
    description: 'OK',
    totalVolumeBytes: rows.reduce((sum, r) => sum + r.bytes, 0),
    lastUpdatedAt: lastUpdated(window.now),
    trafficDetails,
  };
}

/** Shares per period (an hour or a UTC day) and app, in hundredths that add up to exactly 100.00. */
export function percentageByApp(
  msisdn: string,
  tier: number,
  window: UsageWindow,
  resolution: Resolution,
): UsagePercentageResponse {
  const periods = new Map<string, Map<string, number>>();
  for (const r of appHours(msisdn, tier, window)) {
    const key =
      resolution === 'HOUR' ? new Date(r.hourStart).toISOString().slice(0, 13) : dateOf(r.hourStart);
    const apps = periods.get(key) ?? new Map<string, number>();
    apps.set(r.appName, (apps.get(r.appName) ?? 0) + r.bytes);
    periods.set(key, apps);
  }
  const trafficDetails: UsagePercentageDetail[] = [];
  for (const [key, apps] of periods) {
    const entries = [...apps].filter(([, bytes]) => bytes > 0);
    const shares = largestRemainder(
      entries.map(([, bytes]) => bytes),
      10_000,
    );
    entries.forEach(([appName, bytes], i) => {
      const detail: UsagePercentageDetail = {
        date: key.slice(0, 10),
        percentage: ((shares[i] as number) / 100).toFixed(2),
        appName,
        trafficVolumeBytes: bytes,
      };
      if (resolution === 'HOUR') detail.hour = key.slice(11, 13);
      trafficDetails.push(detail);
    });
  }
  return { code: '0', description: 'OK', lastUpdatedAt: lastUpdated(window.now), trafficDetails };
}

/** Splits `total` units in proportion to `weights`, rounding so the parts still add up to `total`. */
export function largestRemainder(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * total) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}
