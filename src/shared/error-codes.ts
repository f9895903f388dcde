// Every code the gateway answers with, and its HTTP status: declared here once (as fastify declares
// its errors in lib/errors.js). Whatever refuses names a code of this table, so a code and its status
// cannot differ from one file to another; docs/errors.md is checked against it
// (test/unit/errors-doc.test.ts).

interface CodeEntry {
  /** The HTTP status of an answer refused with it; for a code raised while GraphQL runs, REST's. */
  readonly status: number;
  /** Other statuses it comes with, each for a refusal of its own (docs/errors.md has a row for each). */
  readonly alsoStatus?: readonly number[];
  /** Raised while GraphQL runs (a field's error); the REST router answers its status. */
  readonly execution?: true;
  /** Only GraphQL answers with it: the REST routes run fixed documents, never persisted ones. */
  readonly graphqlOnly?: true;
  readonly description: string;
}

export const CODES = {
  BAD_USER_INPUT: {
    status: 400,
    alsoStatus: [422],
    execution: true,
    description:
      'Input the gateway or the upstream refuses; 422: an Idempotency-Key used with another request',
  },
  UNAUTHENTICATED: { status: 401, execution: true, description: 'No token, or a bad or expired one' },
  AUTH_UNAVAILABLE: {
    status: 503,
    execution: true,
    description: "The token's keys cannot be had from the identity provider",
  },
  FORBIDDEN: { status: 403, execution: true, description: 'The token may not reach the line' },
  REFUSED: { status: 403, execution: true, description: 'The operator refused a call (its 403)' },
  NOT_FOUND: { status: 404, execution: true, description: 'Unknown line, market, offer or plan' },
  UPSTREAM_ERROR: {
    status: 502,
    execution: true,
    description: 'The upstream failed, or its answer breaks the contract',
  },
  UPSTREAM_TIMEOUT: { status: 504, execution: true, description: 'The upstream did not answer in time' },
  UPSTREAM_UNAVAILABLE: {
    status: 503,
    execution: true,
    description: 'No connection, an open circuit, a full queue, or an intermediary said so',
  },
  UPSTREAM_RATE_LIMITED: {
    status: 503,
    execution: true,
    description: 'The upstream asked for a pause (its 429)',
  },
  UPSTREAM_AUTH_FAILED: {
    status: 502,
    execution: true,
    description: "The upstream refused the gateway's credentials",
  },
  RATE_LIMITED: {
    status: 429,
    description: 'Past the rate limit per token, or of failed authentications per address',
  },
  COST_LIMIT_EXCEEDED: {
    status: 400,
    graphqlOnly: true,
    description: 'The operation may cost more than MAX_COST',
  },
  DEPTH_LIMIT_EXCEEDED: {
    status: 400,
    graphqlOnly: true,
    description: 'Fields nested deeper than MAX_DEPTH',
  },
  SELECTION_LIMIT_EXCEEDED: {
    status: 400,
    graphqlOnly: true,
    description: 'More fields or fragment spreads than MAX_SELECTIONS or MAX_FRAGMENT_SPREADS',
  },
  INTROSPECTION_LIMIT_EXCEEDED: {
    status: 400,
    graphqlOnly: true,
    description: 'An introspection beyond the standard introspection query',
  },
  ALIAS_LIMIT_EXCEEDED: { status: 400, graphqlOnly: true, description: 'More aliases than MAX_ALIASES' },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    graphqlOnly: true,
    description: "A syntax error (Apollo Server's code)",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    graphqlOnly: true,
    description: "A document that does not fit the schema (Apollo Server's code)",
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 200,
    graphqlOnly: true,
    description: 'A persisted-query hash sent alone and unknown: the client sends the text',
  },
  TRUSTED_DOCUMENT_REQUIRED: {
    status: 400,
    graphqlOnly: true,
    description: 'With TRUSTED_DOCUMENTS, a document that is not one of the manifest',
  },
  BAD_REQUEST: {
    status: 400,
    alsoStatus: [405],
    description:
      'A request that is no GraphQL or REST request (not JSON, a bad APQ hash); 405: a wrong method',
  },
  PAYLOAD_TOO_LARGE: { status: 413, description: 'A body larger than MAX_BODY_BYTES' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'A Content-Type other than JSON' },
  CONFLICT: { status: 409, description: 'An Idempotency-Key whose first request is still running' },
  INTERNAL_SERVER_ERROR: { status: 500, description: 'A bug in the gateway' },
} as const satisfies Record<string, CodeEntry>;

export type ErrorCode = keyof typeof CODES;

const entries = Object.entries(CODES) as [ErrorCode, CodeEntry][];

/** A code raised while GraphQL runs. */
export type ExecutionCode = {
  [K in ErrorCode]: (typeof CODES)[K] extends { execution: true } ? K : never;
}[ErrorCode];

/** The codes raised while GraphQL runs, in the table's order. */
export const EXECUTION_CODES = entries
  .filter(([, entry]) => entry.execution)
  .map(([code]) => code) as ExecutionCode[];

/** The REST status of each code raised while GraphQL runs. */
export const HTTP_STATUS = Object.fromEntries(
  EXECUTION_CODES.map((code) => [code, CODES[code].status]),
) as Readonly<Record<ExecutionCode, number>>;

/** The code of each status the gateway refuses with before any handler runs (Fastify's own errors). */
export const REFUSAL_CODES: Readonly<Partial<Record<number, ErrorCode>>> = {
  [CODES.BAD_REQUEST.status]: 'BAD_REQUEST',
  [CODES.PAYLOAD_TOO_LARGE.status]: 'PAYLOAD_TOO_LARGE',
  [CODES.UNSUPPORTED_MEDIA_TYPE.status]: 'UNSUPPORTED_MEDIA_TYPE',
};
