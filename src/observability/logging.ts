// Logs say what happened without saying whose line: MSISDNs (and any long digit run) are masked.
import type { FastifyServerOptions } from 'fastify';
import type { GatewayConfig } from '../config.ts';

/** "50491234567" → "504******67": the market stays readable, the subscriber does not. */
export const maskMsisdns = (text: string): string =>
  text.replace(
    /\d{7,15}/g,
    (digits) => `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`,
  );

export function loggerOptions(level: GatewayConfig['logLevel']): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    serializers: {
      req: (request) => ({ method: request.method, url: maskMsisdns(request.url), id: request.id }),
    },
  };
}
