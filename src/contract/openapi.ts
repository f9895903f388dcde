// The upstream contract at run time: its operations as a route table, and Ajv validators
// compiled from its schemas, so servers and tests check requests and answers against one source.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { CONTRACT_JSON_PATH } from './paths.ts';
import type { OperationId } from './wire.ts';

export { CONTRACT_PATH } from './paths.ts';

const DOC_ID = 'self-care';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete';
export type ErrorSchema = 'ErrorBody' | 'UsageError';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: object;
}

export interface ContractOperation {
  operationId: OperationId;
  method: HttpMethod;
  /** As written in the contract, e.g. `/billing/subscribers/{MSISDN}/status`. */
  path: string;
  /** Matches the path with or without its trailing slash; groups are the path parameters in order. */
  pattern: RegExp;
  pathParams: string[];
  successStatus: number;
  errorSchema: ErrorSchema;
  /** Validates and completes `{ ...pathParams, ...query }`: coerces numbers and fills contract defaults. */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
}

// biome-ignore lint/suspicious/noExplicitAny: the parsed YAML document is walked structurally below
type Doc = any;

export const document: Doc = JSON.parse(readFileSync(CONTRACT_JSON_PATH, 'utf8'));

function newAjv(options: { coerceTypes?: boolean; useDefaults?: boolean }): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, ...options });
  addFormats.default(ajv);
  ajv.addSchema(document, DOC_ID);
  return ajv;
}

const paramsAjv = newAjv({ coerceTypes: true, useDefaults: true });
const bodyAjv = newAjv({});

/** A schema fragment compiled on its own: its local `#/...` refs must point into the registered document. */
function rewriteRefs(node: Doc): Doc {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${DOC_ID}${v}` : rewriteRefs(v),
      ]),
    );
  }
  return node;
}

const jsonSchemaOf = (holder: Doc): Doc => deref<Doc>(holder).content['application/json'].schema;

function deref<T>(node: Doc): T {
  if (node && typeof node.$ref === 'string') {
    const pointer: string = node.$ref.replace(/^#\//, '');
    return pointer.split('/').reduce((at: Doc, key: string) => at[key], document) as T;
  }
  return node as T;
}

function paramSchema(params: Parameter[]): object {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  for (const p of params) {
    properties[p.name] = rewriteRefs(p.schema);
    if (p.required || p.in === 'path') required.push(p.name);
  }
  return { type: 'object', properties, required };
}

function errorSchemaOf(op: Doc): ErrorSchema {
  const schema = jsonSchemaOf(op.responses.default);
  return String(schema.$ref).endsWith('/UsageError') ? 'UsageError' : 'ErrorBody';
}

/** `make`'s result, made on the first call. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

function compileOperations(): ContractOperation[] {
  const out: ContractOperation[] = [];
  for (const [path, item] of Object.entries<Doc>(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref<Parameter>(p));
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const source = path
        .replace(/\/$/, '')
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{\w+\}/g, '([^/]+)');
      const successStatus = Number(Object.keys(op.responses).find((code) => /^2\d\d$/.test(code)));
      // Validators compile on first use: compiling all of them at start costs memory a process may never use.
      const compileParams = once(() =>
        paramsAjv.compile(paramSchema(params.filter((p) => p.in !== 'header'))),
      );
      const compileBody = op.requestBody
        ? once(() => bodyAjv.compile(rewriteRefs(jsonSchemaOf(op.requestBody))))
        : () => undefined;
      out.push({
        operationId: op.operationId,
        method,
        path,
        pattern: new RegExp(`^${source}/?$`),
        pathParams,
        successStatus,
        errorSchema: errorSchemaOf(op),
        get validateParams() {
          return compileParams();
        },
        get validateBody() {
          return compileBody();
        },
      });
    }
  }
  return out;
}

export const operations: ContractOperation[] = compileOperations();

export const serverVariables = {
  country: document.servers[0].variables.country as { default: string; enum: string[] },
};

const responseValidators = new Map<string, ValidateFunction>();

/** The tightened contract's complaints about an answer to an operation, at a status. */
function responseErrors(operationId: OperationId, status: number, body: unknown): ErrorObject[] {
  const key = `${operationId} ${status}`;
  let validate = responseValidators.get(key);
  if (!validate) {
    const op = operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`unknown operation ${operationId}`);
    const responses = document.paths[op.path][op.method].responses;
    const declared = responses[String(status)] ?? responses.default;
    validate = bodyAjv.compile(rewriteRefs(jsonSchemaOf(declared)));
    responseValidators.set(key, validate);
  }
  return validate(body) ? [] : (validate.errors ?? []);
}

/** Validates an answer against the schema the contract declares for that operation and status. */
export function validateResponse(operationId: OperationId, status: number, body: unknown): string[] {
  if (!operations.some((o) => o.operationId === operationId)) return [`unknown operation ${operationId}`];
  return describeErrors(responseErrors(operationId, status, body));
}

/**
 * The rules of the tightened contract an answer breaks, named by the declared field and the check
 * (e.g. `currencyId:pattern`, `productOfferingList.*.offeringCategory:enum`): a bounded set, fit for
 * a metric label, as array indices are `*` and only declared fields are checked.
 */
export function tightenedRules(operationId: OperationId, status: number, body: unknown): string[] {
  const rules = responseErrors(operationId, status, body).map(
    (e) =>
      `${
        e.instancePath
          .split('/')
          .slice(1)
          .map((key) => (/^\d+$/.test(key) ? '*' : key))
          .join('.') || '(body)'
      }:${e.keyword}`,
  );
  return [...new Set(rules)];
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`.trim());
}
