// Reading a request the way the contract says: which operation, which market, which parameters
// and body. Shared by every server of the contract, so they refuse the same input the same way.
import type { ValidateFunction } from 'ajv';
import { ApiError, badRequest } from './errors.ts';
import { type ContractOperation, describeErrors, operations, serverVariables } from './openapi.ts';

export const BASE_PATH = '/v2/tigo/mobile';
const BASE = /^\/v2\/tigo\/mobile\/([^/]+)(\/.*)$/;

export interface Matched {
  op: ContractOperation;
  country: string;
  /** Raw path parameter values, in the order of op.pathParams. */
  values: string[];
}

/** The operation at a method and path: 404 when no path matches, 405 (with Allow) when the method does not. */
export function matchOperation(method: string, pathname: string): Matched {
  const match = BASE.exec(pathname);
  const candidates = operations.flatMap((op) => {
    const m = match ? op.pattern.exec(match[2] as string) : null;
    return m ? [{ op, values: m.slice(1) }] : [];
  });
  if (!match || candidates.length === 0) throw new ApiError(404, `No operation at ${pathname}`);
  const found = candidates.find((c) => c.op.method === method.toLowerCase());
  if (!found) {
    const allow = candidates.map((c) => c.op.method.toUpperCase()).join(', ');
    throw new ApiError(405, `Method ${method} is not allowed on ${pathname}`, allow);
  }
  return { op: found.op, country: match[1] as string, values: found.values };
}

/** The error body schema for a path, even when the method is wrong: the usage paths answer theirs. */
export function errorSchemaAt(pathname: string): ContractOperation['errorSchema'] {
  const rest = BASE.exec(pathname)?.[2];
  const op = rest === undefined ? undefined : operations.find((o) => o.pattern.test(rest));
  return op?.errorSchema ?? 'ErrorBody';
}

/** Path and query parameters, checked against the contract and completed with its defaults. */
export function checkParams(
  { op, country, values }: Matched,
  query: URLSearchParams | Record<string, unknown>,
  validate: ValidateFunction = op.validateParams,
): Record<string, unknown> {
  if (!serverVariables.country.enum.includes(country))
    throw new ApiError(404, `Market ${country} is not served`);
  const params: Record<string, unknown> = {};
  const entries = query instanceof URLSearchParams ? query : Object.entries(query);
  for (const [name, value] of entries)
    if (!(name in params)) params[name] = Array.isArray(value) ? value[0] : value;
  op.pathParams.forEach((name, i) => {
    params[name] = decodePathSegment(values[i] as string);
  });
  if (!validate(params)) {
    throw badRequest(`Invalid parameters: ${describeErrors(validate.errors).join('; ')}`);
  }
  return params;
}

/** A JSON request body, checked against the operation's schema. */
export function checkBody(
  op: ContractOperation,
  contentType: string | undefined,
  raw: Buffer,
  validate: ValidateFunction | undefined = op.validateBody,
): unknown {
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new ApiError(415, `Content-Type must be application/json, not ${contentType}`);
  }
  if (raw.length === 0) throw badRequest('A JSON request body is required');
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  if (validate && !validate(body)) {
    throw badRequest(`Invalid request body: ${describeErrors(validate.errors).join('; ')}`);
  }
  return body;
}

function decodePathSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`Malformed path segment: ${value}`);
  }
}
