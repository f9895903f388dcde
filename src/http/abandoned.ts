// Which requests their client gave up on, so upstream calls made for them can stop.
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** Aborted when the client closes the connection before the answer is written. */
    abandoned: AbortSignal;
  }
}

/**
 * Gives every request its `abandoned` signal. The response's close tells: a request's own close
 * comes as soon as its body is read, and so does Fastify's `request.signal`.
 */
export const abandoned = fp(
  async (app) => {
    app.decorateRequest('abandoned', null as unknown as AbortSignal);
    // Hooks here and in observation.ts take `done`: they never wait, so no promise per request.
    app.addHook('onRequest', (request, reply, done) => {
      const gone = new AbortController();
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) gone.abort();
      });
      request.abandoned = gone.signal;
      done();
    });
  },
  { name: 'abandoned' },
);
