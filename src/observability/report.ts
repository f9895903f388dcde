// What a request turns out to be, filled in as it runs and read by its metrics and logs: a leaf, so
// the HTTP hooks that fill it and the GraphQL context that carries it need not import each other.

/** The API a request came in by: its metrics are labelled with it; null for anything else. */
export type Surface = 'graphql' | 'rest' | null;

/** Filled in while a request runs: the operation it turned out to be, for metrics and logs. */
export interface RequestReport {
  operation: string | null;
  surface: Surface;
  /** The code of a GraphQL request refused before GraphQL ran, as its answer says. */
  refusal?: string;
}
