/**
 * Checks of the upstream contract (schema/upstream/self-care.openapi.yaml), shared by
 * scripts/validate-contract.ts and test/unit/contract.test.ts.
 *
 * - validateDocument: the document against the official OpenAPI 3.1 schema
 *   (@seriousme/openapi-schema-validator).
 * - compileComponentSchemas: every components/schemas entry compiles with Ajv (JSON Schema
 *   2020-12, strict mode, OAS keywords and x- extensions allowed, ajv-formats).
 * - checkExamples: every schema `examples`/`example`, parameter example and request/response
 *   media-type example validates against its schema.
 * - checkExampleCoverage: every component schema has `examples`, every request body and
 *   response has an example.
 * - generateTypes: runs the openapi-typescript CLI to a temporary file and returns the output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'yaml';

export type JsonObject = Record<string, unknown>;

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CONTRACT_PATH = fileURLToPath(
  new URL('../schema/upstream/self-care.openapi.yaml', import.meta.url),
);
export const GENERATED_TYPES_PATH = fileURLToPath(
  new URL('../src/contract/__generated__/self-care.ts', import.meta.url),
);
const OPENAPI_TYPESCRIPT_CLI = fileURLToPath(
  new URL('../node_modules/openapi-typescript/bin/cli.js', import.meta.url),
);

/** $id under which the document is registered in Ajv, so `#/components/...` refs resolve. */
export const CONTRACT_SCHEMA_ID = 'https://selfcare-gateway.invalid/schema/upstream/self-care.openapi.yaml';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** OpenAPI 3.1 schema keywords that are not JSON Schema 2020-12 keywords. */
const OAS_SCHEMA_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];
/**
 * OpenAPI Object fields. The whole document is registered in Ajv as the root schema (so that
 * `#/components/...` refs resolve); Ajv compiles that root, so in strict mode its fields must be
 * known keywords. They are annotations only.
 */
const OAS_ROOT_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
];

/** JSON Schema keywords whose value is a subschema, a list of subschemas or a map of subschemas. */
const SUBSCHEMA_KEYWORDS = [
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'dependentSchemas', '$defs'];

export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operationId: string;
  operation: JsonObject;
}

export interface ContractReport {
  errors: string[];
  operations: number;
  paths: number;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and parses the contract (YAML) into a plain object. */
export async function loadContract(path: string = CONTRACT_PATH): Promise<JsonObject> {
  const parsed: unknown = parse(await readFile(path, 'utf8'));
  if (!isObject(parsed)) throw new Error(`${path}: not a YAML mapping`);
  return parsed;
}

/** Validates the document against the OpenAPI schema of its version; returns the errors (none = valid). */
export async function validateDocument(doc: JsonObject): Promise<string[]> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  if (result.valid) {
    return validator.version === '3.1' ? [] : [`expected an OpenAPI 3.1 document, got ${validator.version}`];
  }
  const { errors } = result;
  if (typeof errors === 'string') return [errors];
  return (errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'} ${JSON.stringify(e.params)}`,
  );
}

/** JSON pointer (RFC 6901) of a list of segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Resolves a local JSON pointer (`#/a/b`) in the document. */
export function getByPointer(doc: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`only local refs are supported: ${ref}`);
  const parts = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p).replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else return undefined;
  }
  return node;
}

/** Follows `$ref` (OpenAPI Reference Objects) until a non-reference object; returns it and its pointer. */
export function deref(doc: JsonObject, value: unknown, pointer: string): { value: unknown; pointer: string } {
  let current = value;
  let at = pointer;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`circular $ref ${ref} at ${pointer}`);
    seen.add(ref);
    at = ref.slice(1);
    current = getByPointer(doc, ref);
    if (current === undefined) throw new Error(`unresolved $ref ${ref} at ${pointer}`);
  }
  return { value: current, pointer: at };
}

/** Every operation of the document, in document order. */
export function listOperations(doc: JsonObject): OperationEntry[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      entries.push({ path, method, operationId: String(operation.operationId ?? ''), operation });
    }
  }
  return entries;
}

function collectExtensionKeywords(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensionKeywords(item, into);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      collectExtensionKeywords(value, into);
    }
  }
  return into;
}

/**
 * An Ajv (JSON Schema 2020-12) instance in strict mode that knows the whole document under
 * CONTRACT_SCHEMA_ID, accepts the OAS-only schema keywords and every `x-` extension used in the
 * document as annotations, and checks formats with ajv-formats.
 */
export function createSchemaAjv(doc: JsonObject): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormatsPlugin.default(ajv);
  const keywords = new Set([
    ...OAS_SCHEMA_KEYWORDS,
    ...OAS_ROOT_FIELDS,
    ...collectExtensionKeywords(doc, new Set()),
  ]);
  for (const keyword of keywords) {
    ajv.addKeyword({ keyword, schemaType: ['string', 'number', 'boolean', 'object', 'array', 'null'] });
  }
  ajv.addSchema({ ...structuredClone(doc), $id: CONTRACT_SCHEMA_ID });
  return ajv;
}

/** Ajv validate function for the (sub)schema at a pointer of the document. */
function schemaAt(ajv: Ajv2020, pointer: string) {
  const fragment = pointer
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return ajv.compile({ $ref: `${CONTRACT_SCHEMA_ID}#${fragment}` });
}

function componentSchemas(doc: JsonObject): JsonObject {
  const components = isObject(doc.components) ? doc.components : {};
  return isObject(components.schemas) ? components.schemas : {};
}

/** Compiles every components/schemas entry; returns the problems (none = all compile). */
export function compileComponentSchemas(doc: JsonObject, ajv: Ajv2020 = createSchemaAjv(doc)): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(componentSchemas(doc))) {
    try {
      schemaAt(ajv, toPointer(['components', 'schemas', name]));
    } catch (error) {
      problems.push(`components/schemas/${name}: does not compile: ${(error as Error).message}`);
    }
  }
  return problems;
}

/** Calls visit for the schema at pointer and every subschema below it. */
function walkSchema(schema: unknown, pointer: string, visit: (schema: JsonObject, pointer: string) => void) {
  if (!isObject(schema)) return;
  visit(schema, pointer);
  for (const keyword of SUBSCHEMA_KEYWORDS) {
    if (isObject(schema[keyword])) walkSchema(schema[keyword], `${pointer}/${keyword}`, visit);
  }
  for (const keyword of SUBSCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (!Array.isArray(list)) continue;
    for (const [i, s] of list.entries()) walkSchema(s, `${pointer}/${keyword}/${i}`, visit);
  }
  for (const keyword of SUBSCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (!isObject(map)) continue;
    for (const [key, s] of Object.entries(map))
      walkSchema(s, `${pointer}/${keyword}${toPointer([key])}`, visit);
  }
}

interface ExampleSite {
  /** Where the example is, for messages. */
  where: string;
  /** Pointer of the schema the example must validate against. */
  schemaPointer: string;
  value: unknown;
}

/** Examples of a schema (and its subschemas): `examples` array items and `example`. */
function schemaExampleSites(schema: unknown, pointer: string): ExampleSite[] {
  const sites: ExampleSite[] = [];
  walkSchema(schema, pointer, (s, at) => {
    if (Array.isArray(s.examples)) {
      for (const [i, value] of s.examples.entries()) {
        sites.push({ where: `${at}/examples/${i}`, schemaPointer: at, value });
      }
    }
    if ('example' in s) sites.push({ where: `${at}/example`, schemaPointer: at, value: s.example });
  });
  return sites;
}

/** Examples of a Parameter, Media Type or Header object: `example` and the `examples` map. */
function objectExampleSites(doc: JsonObject, holder: JsonObject, pointer: string): ExampleSite[] {
  if (!isObject(holder.schema)) return [];
  const schemaPointer = `${pointer}/schema`;
  const sites = schemaExampleSites(holder.schema, schemaPointer);
  if ('example' in holder) sites.push({ where: `${pointer}/example`, schemaPointer, value: holder.example });
  if (isObject(holder.examples)) {
    for (const [name, raw] of Object.entries(holder.examples)) {
      const at = `${pointer}/examples${toPointer([name])}`;
      const { value: exampleObject } = deref(doc, raw, at);
      if (isObject(exampleObject) && 'value' in exampleObject) {
        sites.push({ where: `${at}/value`, schemaPointer, value: exampleObject.value });
      }
    }
  }
  return sites;
}

interface MediaTypeEntry {
  /** Pointer of the (dereferenced) media type object. */
  pointer: string;
  /** Human-readable place, e.g. `GET /x response 200 application/json`. */
  label: string;
  mediaType: JsonObject;
}

/** Parameters (path-level and operation-level, dereferenced) of every operation, plus components/parameters. */
function parameterEntries(doc: JsonObject): { pointer: string; parameter: JsonObject }[] {
  const entries = new Map<string, JsonObject>();
  const add = (raw: unknown, pointer: string) => {
    const { value, pointer: at } = deref(doc, raw, pointer);
    if (isObject(value)) entries.set(at, value);
  };
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.parameters)) {
    for (const [name, p] of Object.entries(components.parameters)) {
      add(p, toPointer(['components', 'parameters', name]));
    }
  }
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const itemPointer = toPointer(['paths', path]);
    if (Array.isArray(item.parameters)) {
      for (const [i, p] of item.parameters.entries()) add(p, `${itemPointer}/parameters/${i}`);
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation) && Array.isArray(operation.parameters)) {
        for (const [i, p] of operation.parameters.entries())
          add(p, `${itemPointer}/${method}/parameters/${i}`);
      }
    }
  }
  return [...entries].map(([pointer, parameter]) => ({ pointer, parameter }));
}

/** Request body and response media types of every operation (dereferenced). */
function mediaTypeEntries(doc: JsonObject): MediaTypeEntry[] {
  const entries: MediaTypeEntry[] = [];
  const addContent = (holder: JsonObject, pointer: string, label: string) => {
    if (!isObject(holder.content)) return;
    for (const [type, mediaType] of Object.entries(holder.content)) {
      if (isObject(mediaType)) {
        entries.push({
          pointer: `${pointer}/content${toPointer([type])}`,
          label: `${label} ${type}`,
          mediaType,
        });
      }
    }
  };
  for (const { path, method, operation } of listOperations(doc)) {
    const opPointer = toPointer(['paths', path, method]);
    const label = `${method.toUpperCase()} ${path}`;
    if (operation.requestBody !== undefined) {
      const { value, pointer } = deref(doc, operation.requestBody, `${opPointer}/requestBody`);
      if (isObject(value)) addContent(value, pointer, `${label} request body`);
    }
    const responses = isObject(operation.responses) ? operation.responses : {};
    for (const [status, raw] of Object.entries(responses)) {
      const { value, pointer } = deref(doc, raw, `${opPointer}/responses${toPointer([status])}`);
      if (isObject(value)) addContent(value, pointer, `${label} response ${status}`);
    }
  }
  return entries;
}

/**
 * Validates every example against its schema: `examples`/`example` of every component schema
 * and subschema, parameter examples, and request/response media-type examples (`example` and
 * the `examples` map). Returns the problems (none = all valid).
 */
export function checkExamples(doc: JsonObject, ajv: Ajv2020 = createSchemaAjv(doc)): string[] {
  const sites: ExampleSite[] = [];
  for (const [name, schema] of Object.entries(componentSchemas(doc))) {
    sites.push(...schemaExampleSites(schema, toPointer(['components', 'schemas', name])));
  }
  for (const { pointer, parameter } of parameterEntries(doc)) {
    sites.push(...objectExampleSites(doc, parameter, pointer));
  }
  const mediaPointers = new Set<string>();
  for (const { pointer, mediaType } of mediaTypeEntries(doc)) {
    if (mediaPointers.has(pointer)) continue;
    mediaPointers.add(pointer);
    sites.push(...objectExampleSites(doc, mediaType, pointer));
  }

  const problems: string[] = [];
  const validators = new Map<string, ReturnType<typeof schemaAt>>();
  for (const site of sites) {
    let validate = validators.get(site.schemaPointer);
    try {
      if (!validate) {
        validate = schemaAt(ajv, site.schemaPointer);
        validators.set(site.schemaPointer, validate);
      }
    } catch (error) {
      problems.push(
        `${site.where}: schema ${site.schemaPointer} does not compile: ${(error as Error).message}`,
      );
      continue;
    }
    if (!validate(site.value)) {
      problems.push(`${site.where}: example is invalid: ${ajv.errorsText(validate.errors)}`);
    }
  }
  return problems;
}

/**
 * Every components/schemas entry has a non-empty `examples` array; every request body and
 * response media type has an `example` or a non-empty `examples` map.
 */
export function checkExampleCoverage(doc: JsonObject): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(componentSchemas(doc))) {
    if (!isObject(schema) || !Array.isArray(schema.examples) || schema.examples.length === 0) {
      problems.push(`components/schemas/${name}: has no examples`);
    }
  }
  for (const { label, mediaType } of mediaTypeEntries(doc)) {
    const hasExamples = isObject(mediaType.examples) && Object.keys(mediaType.examples).length > 0;
    if (!('example' in mediaType) && !hasExamples) problems.push(`${label}: has no example`);
  }
  return problems;
}

/** All checks; `errors` is empty when the contract is valid. */
export async function checkContract(doc: JsonObject): Promise<ContractReport> {
  const operations = listOperations(doc);
  const paths = new Set(operations.map((o) => o.path)).size;
  const errors = await validateDocument(doc);
  if (errors.length > 0) return { errors, operations: operations.length, paths };
  let ajv: Ajv2020;
  try {
    ajv = createSchemaAjv(doc);
  } catch (error) {
    return { errors: [`Ajv: ${(error as Error).message}`], operations: operations.length, paths };
  }
  errors.push(...compileComponentSchemas(doc, ajv), ...checkExamples(doc, ajv), ...checkExampleCoverage(doc));
  return { errors, operations: operations.length, paths };
}

/** Runs the openapi-typescript CLI on the contract into a temporary file and returns the generated source. */
export async function generateTypes(input: string = CONTRACT_PATH): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'self-care-types-'));
  try {
    const output = join(dir, 'self-care.ts');
    await promisify(execFile)(process.execPath, [OPENAPI_TYPESCRIPT_CLI, input, '-o', output], {
      cwd: REPO_ROOT,
    });
    return await readFile(output, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
