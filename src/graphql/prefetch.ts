// Starts every upstream read a Subscriber selection needs, at once, before the resolver awaits the
// line's existence check: an unknown line then costs one round trip, not a waterfall. Which reads a
// selection needs comes from the operation's one walk (selection.ts), computed once per document
// and variables shape; only the arguments are read per request.
import { type GraphQLResolveInfo, getArgumentValues } from 'graphql';
import type { SubscriberRef } from '../shared/line.ts';
import type { Context } from './context.ts';
import type { FieldRead } from './resolvers/reads.ts';
import { READS, summarize } from './selection.ts';

/** Starts the reads of the selection below the current field for `line`; their failures surface later, in their own fields. */
export function prefetch(info: GraphQLResolveInfo, context: Context, line: SubscriberRef): void {
  const summary = summarize(info.schema, info.operation, info.fragments, info.variableValues);
  for (const node of info.fieldNodes) {
    for (const reached of summary.readsUnder(node)) {
      const read = READS[reached.parent as string]?.[reached.node.name.value] as FieldRead;
      // A read that refuses its arguments (or fails) says so again in its own field.
      Promise.resolve()
        .then(() =>
          read(
            context,
            line,
            getArgumentValues(
              reached.field as NonNullable<typeof reached.field>,
              reached.node,
              info.variableValues,
            ),
          ),
        )
        .catch(() => undefined);
    }
  }
}
