// kit/cache.ts against the schema: every object type a client may cache is either an entity keyed
// by a globally unique `id` or an embedded value, so a new type cannot slip in without a decision.
import { getNamedType, isIntrospectionType, isNonNullType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EMBEDDED, ENTITIES, keys, typePolicies } from '../../kit/cache.ts';
import { createSchema } from '../../src/graphql/schema.ts';

const schema = createSchema();
const objectTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => !isIntrospectionType(type) && !['Query', 'Mutation'].includes(type.name));

describe('kit/cache.ts', () => {
  it('names every object type of the schema once: an entity or an embedded value', () => {
    expect([...ENTITIES, ...EMBEDDED].sort()).toEqual(objectTypes.map((type) => type.name).sort());
  });

  it('keys each entity by a non-null ID field named id', () => {
    for (const name of ENTITIES) {
      const id = objectTypes.find((type) => type.name === name)?.getFields().id;
      expect(id && isNonNullType(id.type) && getNamedType(id.type).name, name).toBe('ID');
    }
  });

  it('embeds every value: urql gets a null key, Apollo no key from an id that is not unique', () => {
    for (const name of EMBEDDED) {
      expect(keys[name]?.({ __typename: name }), name).toBeNull();
      const hasId = objectTypes.find((type) => type.name === name)?.getFields().id !== undefined;
      if (hasId) expect(typePolicies[name]?.keyFields, name).toBe(false);
    }
  });
});
