// How a value of an upstream answer becomes a GraphQL leaf: by what the ORIGINAL contract allows
// (open strings, numbers as strings, dates without an offset), so no value it allows costs a field.
// A value that cannot be read at all becomes null for that one leaf; the upstream client has already
// counted and logged it as drift (src/upstream/drift.ts).

/** Each market's IANA time zone: a date-time without an offset is the market's wall-clock time. */
export const MARKET_ZONES: Record<string, string> = {
  BO: 'America/La_Paz',
  CO: 'America/Bogota',
  GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa',
  NI: 'America/Managua',
  PA: 'America/Panama',
  PY: 'America/Asuncion',
  SV: 'America/El_Salvador',
};

/** The market an upstream answer was read for, so its offset-less date-times find their zone. */
const markets = new WeakMap<object, string>();

export function inMarket<T>(country: string): (answer: T) => T {
  return (answer) => {
    if (answer && typeof answer === 'object') markets.set(answer, country);
    return answer;
  };
}

export const marketOf = (answer: object): string | undefined => markets.get(answer);

/**
 * An open vocabulary: a known value as its GraphQL enum value, anything else as UNKNOWN (the raw
 * string stays in the sibling `…Raw` field). Matching ignores case, as the upstream's own casing varies.
 */
export function openEnum<T extends string>(known: readonly T[], value: unknown): T | 'UNKNOWN' {
  const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return known.find((k) => k === upper) ?? 'UNKNOWN';
}

/** A number, or the number a string writes ("80", "12.5"); null for anything else. */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A byte count: a decimal one is rounded to the nearest whole byte (halves up); negative or past 2^53 - 1 is unreadable. */
export function readByteCount(value: unknown): number | null {
  const n = readNumber(value);
  if (n === null) return null;
  const bytes = Math.round(n);
  return bytes >= 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (text: string, at: number): number => {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
};

/**
 * A calendar date (YYYY-MM-DD), also the date of a date-time; null unless it is a real day (of the
 * proleptic Gregorian calendar, as JavaScript's Date knows it). Read by hand: it runs for every date
 * of every answer, and a Date per call was the largest of the gateway's own costs in the profile.
 */
export function readDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const month = digit(text, 5) * 10 + digit(text, 6);
  const day = digit(text, 8) * 10 + digit(text, 9);
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= last ? text.slice(0, 10) : null;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

/** The offset of a time zone at an instant, in minutes east of UTC, as the platform's Intl knows it. */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(timeZone: string, epochMs: number): number {
  // A formatter costs far more to make than to use: one per zone (at most the markets' eight).
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    zoneFormats.set(timeZone, format);
  }
  const name = format.formatToParts(epochMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

const formatOffset = (minutes: number): string => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/**
 * An RFC 3339 date-time. One with an offset keeps its instant (written `+hh:mm`); one without is the
 * market's wall-clock time, given the offset its zone had then (a bare date is its midnight).
 * Null when it is no date-time, or when there is no market to read it in.
 */
export function readDateTime(value: unknown, country: string | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const zoned = WITH_OFFSET.exec(text);
  if (zoned) {
    const [, day, time, offset] = zoned as unknown as [string, string, string, string];
    const written = /^[Zz]$/.test(offset)
      ? 'Z'
      : offset.replace(/^([+-]\d{2}):?(\d{2})?$/, (_, h: string, mm?: string) => `${h}:${mm ?? '00'}`);
    const iso = `${day}T${time.length === 5 ? `${time}:00` : time}${written}`;
    return readDate(day) && !Number.isNaN(Date.parse(iso)) ? iso : null;
  }
  const m = LOCAL.exec(text);
  const zone = country && MARKET_ZONES[country.toUpperCase()];
  if (!m || !zone || !readDate(text)) return null;
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, min, s);
  // The zone's offset at the wall time read as UTC, then corrected once for a change in between.
  let offset = offsetMinutes(zone, wall);
  offset = offsetMinutes(zone, wall - offset * 60_000);
  const time = `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:${String(s).padStart(2, '0')}${m[7] ?? ''}`;
  return `${m[1]}-${m[2]}-${m[3]}T${time}${formatOffset(offset)}`;
}
