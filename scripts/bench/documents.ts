// Costly GraphQL documents that fit the request limits: for the validation benchmark
// (fragments.ts) and the regression tests of the limits.

/**
 * The attack of issue 15: `fragments` fragments, each spreading the next twice, the last holding one
 * field: 2^fragments fields once inlined, in a document of a few hundred bytes.
 */
export function fanOut(fragments: number): string {
  const chain = Array.from(
    { length: fragments },
    (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query FanOut { ...F0 }\n${chain.join('\n')}\nfragment F${fragments} on Query { __typename }`;
}

/** One fragment of `fields` fields, spread `spreads` times. */
export const wide = (fields: number, spreads: number) =>
  `{ ${'...W '.repeat(spreads)}}\nfragment W on Query { ${'__typename '.repeat(fields)}}`;

/** `n` fields under one response key with different arguments: graphql-js compares every pair. */
export const conflicting = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `subscriber(msisdn: "5049${String(i).padStart(7, '0')}") { msisdn }`).join(' ')} }`;

/** Every fragment spreads every later one: many spread paths, with the tokens spent on spreads. */
export const mesh = (n: number) =>
  `{ ...M0 }\n${Array.from(
    { length: n },
    (_, i) =>
      `fragment M${i} on Query { __typename ${Array.from({ length: n - i - 1 }, (_, j) => `...M${i + j + 1}`).join(' ')} }`,
  ).join('\n')}`;
