// Descriptions are what Apollo Sandbox, GraphiQL and codegen show a developer: every type, field,
// argument, input field and enum value of the public schema has one. Introspection types and the
// built-in scalars are graphql-js's own.
import {
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/schema.ts';

/** Every element of the schema, by coordinate (`Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`), with its description. */
function elements(schema: GraphQLSchema): [string, string | null | undefined][] {
  const found: [string, string | null | undefined][] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    found.push([type.name, type.description]);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        found.push([`${type.name}.${field.name}`, field.description]);
        for (const arg of 'args' in field ? field.args : []) {
          found.push([`${type.name}.${field.name}(${arg.name})`, arg.description]);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) found.push([`${type.name}.${value.name}`, value.description]);
    }
  }
  return found;
}

describe('schema descriptions', () => {
  const all = elements(createSchema());

  it('walks every kind of element (a walk that finds few has gone blind)', () => {
    const coordinates = all.map(([coordinate]) => coordinate);
    expect(coordinates.length).toBeGreaterThan(200);
    expect(coordinates).toEqual(
      expect.arrayContaining(['Subscriber', 'Subscriber.id', 'Query.subscriber(country)', 'Country.HN']),
    );
  });

  it('has a description on every type, field, argument and enum value', () => {
    const missing = all.filter(([, description]) => !description?.trim()).map(([coordinate]) => coordinate);
    expect(missing).toEqual([]);
  });
});
