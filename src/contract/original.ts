// The ORIGINAL contract (the operator's Swagger 2.0, schema/upstream/original.swagger.yaml) at run
// time. The gateway relies on what it guarantees and nothing more: an upstream answer is read by
// its JSON types and required properties (the tightened contract's patterns, formats and enums only
// tell drift apart); a legacy REST request is refused only where the original refuses it.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeErrors, once } from './openapi.ts';
import { ORIGINAL_JSON_PATH } from './paths.ts';
import type { OperationId } from './wire.ts';

export { ORIGINAL_PATH } from './paths.ts';

const DOC_ID = 'original';

// biome-ignore lint/suspicious/noExplicitAny: the parsed YAML document is walked structurally below
type Node = any;

export const original: Node = JSON.parse(readFileSync(ORIGINAL_JSON_PATH, 'utf8'));

/** A number the upstream sent as a string ("80", "12.5"): read as the number it writes. */
export const NUMERIC = '^\\s*-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$';

/**
 * A Swagger 2.0 schema as JSON Schema (draft 7, which Swagger 2 nearly is). For answers (`loose`) only
 * JSON types and required properties remain, and a number may come as a numeric string; requests
 * keep every constraint the original writes (enums, formats). Two defects of the source are read as
 * meant: `properties` without `type: object`, and `AcquisitionMethodList`, an array with a `$ref` and
 * no `items` (an array of AcquisitionMethod).
 */
export function toJsonSchema(node: Node, loose: boolean): Node {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, loose));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const ref = { $ref: node.$ref.replace(/^#/, `${DOC_ID}#`) };
    return node.type === 'array' && !node.items ? { type: 'array', items: ref } : ref;
  }
  const out: Node = {};
  for (const [key, value] of Object.entries<Node>(node)) {
    if (key === 'example' || key === 'description' || key.startsWith('x-')) continue;
    if (loose && (key === 'enum' || key === 'format' || key === 'default')) continue;
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries<Node>(value).map(([k, v]) => [k, toJsonSchema(v, loose)]))
        : toJsonSchema(value, loose);
  }
  if (out.properties && !out.type) out.type = 'object';
  if (loose && (out.type === 'number' || out.type === 'integer')) {
    return { anyOf: [{ type: out.type }, { type: 'string', pattern: NUMERIC }] };
  }
  return out;
}

function newAjv(loose: boolean, options: { coerceTypes?: boolean; useDefaults?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: !loose, ...options });
  addFormats.default(ajv);
  const definitions = Object.fromEntries(
    Object.entries<Node>(original.definitions).map(([name, schema]) => [name, toJsonSchema(schema, loose)]),
  );
  ajv.addSchema({ definitions }, DOC_ID);
  return ajv;
}

const answers = newAjv(true);
const bodies = newAjv(false);
const params = newAjv(false, { coerceTypes: true, useDefaults: true });

interface OriginalOperation {
  operationId: OperationId;
  responses: Record<string, Node>;
  /** Path and query parameters, coerced and completed with the original's defaults. */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
}

function compileOperations(): Map<OperationId, OriginalOperation> {
  const out = new Map<OperationId, OriginalOperation>();
  for (const item of Object.values<Node>(original.paths)) {
    for (const method of ['get', 'put', 'post', 'delete']) {
      const op = item[method];
      if (!op) continue;
      const declared: Node[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const properties: Record<string, Node> = {};
      const required: string[] = [];
      for (const p of declared.filter((p) => p.in === 'path' || p.in === 'query')) {
        const { name, in: _in, required: isRequired, ...schema } = p;
        properties[name] = toJsonSchema(schema, false);
        if (isRequired || p.in === 'path') required.push(name);
      }
      const body = declared.find((p) => p.in === 'body');
      // Compiled on first use, as the tightened contract's are (openapi.ts).
      const compileParams = once(() => params.compile({ type: 'object', properties, required }));
      const compileBody = body
        ? once(() => bodies.compile(toJsonSchema(body.schema, false)))
        : () => undefined;
      out.set(op.operationId, {
        operationId: op.operationId,
        responses: op.responses,
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

export const originalOperations = compileOperations();

const answerValidators = new Map<string, ValidateFunction | null>();

/**
 * Problems of an answer by the original's guarantees (JSON types, required properties); none for a
 * status the original declares no body for. Any 2xx is read by the operation's success schema.
 */
export function originalProblems(operationId: OperationId, status: number, body: unknown): string[] {
  const key = `${operationId} ${status}`;
  let validate = answerValidators.get(key);
  if (validate === undefined) {
    const responses = originalOperations.get(operationId)?.responses ?? {};
    const success = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
    const declared =
      responses[String(status)] ?? (status < 300 && success ? responses[success] : responses.default);
    validate = declared?.schema ? answers.compile(toJsonSchema(declared.schema, true)) : null;
    answerValidators.set(key, validate);
  }
  return validate === null || validate(body) ? [] : describeErrors(validate.errors);
}
