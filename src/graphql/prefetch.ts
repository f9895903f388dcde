// Starts every upstream read a Subscriber selection needs, at once, before the resolver awaits the
// line's existence check: an unknown line then costs one round trip, not a waterfall.
import {
  type FieldNode,
  type FragmentSpreadNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  type InlineFragmentNode,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../http/context.ts';
import type { SubscriberRef } from './refs.ts';
import { subscriberReads, usageReads } from './resolvers/reads.ts';

const readsByType: Record<
  string,
  Record<string, (c: Context, l: SubscriberRef, a: Record<string, unknown>) => Promise<unknown>>
> = {
  Subscriber: subscriberReads,
  Usage: usageReads,
};

/** @skip and @include, as execution will apply them. */
function included(
  node: FieldNode | InlineFragmentNode | FragmentSpreadNode,
  info: GraphQLResolveInfo,
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function* fieldsOf(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
): Generator<FieldNode> {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, info);
    else yield* fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  }
}

function walk(
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  start: (read: () => Promise<unknown>) => void,
  context: Context,
  line: SubscriberRef,
): void {
  const reads = readsByType[type.name] ?? {};
  const fields = type.getFields();
  for (const node of fieldsOf(selectionSet, info)) {
    const field: GraphQLField<unknown, unknown> | undefined = fields[node.name.value];
    if (!field) continue;
    const read = reads[node.name.value];
    if (read) {
      const args = getArgumentValues(field, node, info.variableValues);
      start(() => read(context, line, args));
    }
    const inner = getNamedType(field.type);
    if (isObjectType(inner) && inner.name in readsByType && node.selectionSet) {
      walk(inner, node.selectionSet, info, start, context, line);
    }
  }
}

/** Starts the reads of the selection below the current field for `line`; their failures surface later, in their own fields. */
export function prefetch(info: GraphQLResolveInfo, context: Context, line: SubscriberRef): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  for (const node of info.fieldNodes) {
    walk(
      type,
      node.selectionSet,
      info,
      (read) => {
        // A read that refuses its arguments (or fails) says so again in its own field.
        Promise.resolve()
          .then(read)
          .catch(() => undefined);
      },
      context,
      line,
    );
  }
}
