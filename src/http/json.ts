// JSON request bodies with bounded nesting: a body of deeply nested arrays would otherwise overflow
// the stack of whatever walks it later (fingerprints, variable coercion) and answer 500, not 400.
import fp from 'fastify-plugin';

/**
 * The deepest nesting of arrays and objects in a JSON text, counted without parsing (brackets inside
 * strings do not count), stopping as soon as it passes `max`: linear, and no recursion.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  // Fewer opening brackets than the limit, strings included, cannot nest past it: most bodies (a
  // query and its variables) end here, found by native searches instead of a loop over every character.
  if (openings(text, max) <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const OPENING = ['{', '['];

/** The opening brackets of a text, counted up to just past `max`. */
function openings(text: string, max: number): number {
  let count = 0;
  for (const bracket of OPENING) {
    for (let at = text.indexOf(bracket); at >= 0 && count <= max; at = text.indexOf(bracket, at + 1)) count++;
  }
  return count;
}

/** Replaces the application/json parser: Fastify's own (prototype poisoning refused), after a depth check. */
export const boundedJson = fp<{ maxDepth: number }>(
  async (app, { maxDepth }) => {
    const parse = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (jsonDepthExceeds(body as string, maxDepth)) {
        const error = Object.assign(new Error(`The JSON body is nested deeper than ${maxDepth} levels`), {
          statusCode: 400,
        });
        return done(error, undefined);
      }
      parse(request, body as string, done);
    });
  },
  { name: 'bounded-json' },
);
