// Custom scalars: each one checks its input where it enters, so bad input is refused before any
// upstream call, with BAD_USER_INPUT.
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Input the gateway refuses; the error formatter keys on it, wherever graphql-js wraps it. */
export class InputError extends Error {
  override name = 'InputError';
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, {
    originalError: new InputError(message),
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function stringScalar(
  name: string,
  description: string,
  parse: (value: string) => string,
): GraphQLScalarType {
  const fromInput = (value: unknown): string => {
    if (typeof value !== 'string') throw badInput(`${name} must be a string`);
    return parse(value);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: fromInput,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw badInput(`${name} must be a string`);
      return fromInput(ast.value);
    },
  });
}

/** Drops the separators people type ("+504 9988-7766" → "50499887766"); null unless digits remain. */
export function digitsOf(value: string): string | null {
  const digits = value
    .trim()
    .replace(/^\+/, '')
    .replace(/[\s\-.()]/g, '');
  return /^[0-9]+$/.test(digits) ? digits : null;
}

export function normaliseMsisdn(value: string): string {
  const digits = digitsOf(value);
  if (!digits || digits.length < 8 || digits.length > 15) {
    throw badInput(
      `"${value}" is not a mobile number: expected 8 to 15 digits in international form, e.g. +504 9988-7766`,
    );
  }
  return digits;
}

function normalisePhoneNumber(value: string): string {
  const digits = digitsOf(value);
  if (!digits || digits.length < 7 || digits.length > 15) {
    throw badInput(
      `"${value}" is not a phone number: expected 7 to 15 digits, e.g. 75007493 or +504 9988-7766`,
    );
  }
  return digits;
}

/** Milliseconds of a DateTime the scalar accepted (offsets written +hh or +hhmm included). */
export const instantOf = (value: string): number =>
  Date.parse(value.replace(/([+-]\d{2}):?(\d{2})?$/, (_, h: string, m?: string) => `${h}:${m ?? '00'}`));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339, and the offsets +hh and +hhmm that the upstream contract's date-time check lets through too. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2})(?::?(\d{2}))?)$/;

function parseDate(value: string): string {
  const m = DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw badInput(`"${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

/** RFC 3339: a real calendar day, hours to 23, minutes to 59, seconds to 60 (a leap second), offsets to 23:59. */
function parseDateTime(value: string): string {
  const m = DATE_TIME.exec(value);
  const valid =
    m !== null &&
    DATE.test(m[1] as string) &&
    new Date(`${m[1]}T00:00:00Z`).toISOString().slice(0, 10) === m[1] &&
    Number(m[2]) <= 23 &&
    Number(m[3]) <= 59 &&
    Number(m[4]) <= 60 &&
    (m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8] ?? 0) <= 59));
  if (!valid) throw badInput(`"${value}" is not a date-time with an offset, e.g. 2026-11-26T15:00:00Z`);
  return value;
}

export const scalars = {
  MSISDN: stringScalar('MSISDN', 'A mobile number in E.164 digits', normaliseMsisdn),
  PhoneNumber: stringScalar('PhoneNumber', 'A phone number in digits', normalisePhoneNumber),
  Date: stringScalar('Date', 'A calendar date, YYYY-MM-DD', parseDate),
  DateTime: stringScalar('DateTime', 'An RFC 3339 date-time with offset', parseDateTime),
  ByteCount: new GraphQLScalarType({
    name: 'ByteCount',
    description: 'A count of bytes, exact up to 2^53 - 1',
    serialize: (value) => {
      const n = typeof value === 'string' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
        throw new GraphQLError(`ByteCount cannot represent ${String(value)}`);
      }
      return n;
    },
    parseValue: () => {
      throw badInput('ByteCount is output only');
    },
    parseLiteral: () => {
      throw badInput('ByteCount is output only');
    },
  }),
};
