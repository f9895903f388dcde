// The upstream's business refusals of a write, classified from its 403 message: every 403 the
// Sandbox answers (src/sandbox/operations), the operator's Spanish, and REFUSED for anything else.
import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../src/graphql/refusals.ts';
import { UpstreamError } from '../../src/upstream/errors.ts';

const refused = (message: string, status = 403) =>
  refusalOf(new UpstreamError('http', 'PurchaseOfferbyMSISDNandOfferId', message, status));

describe('refusalOf', () => {
  it.each([
    ['No favorite slots left: 5 of 5 in use; remove one first', 'LIMIT_REACHED'],
    ['50431110003 is already a favorite number of this line', 'ALREADY_ACTIVE'],
    ['The line is blocked: it cannot acquire offers', 'LINE_BLOCKED'],
    ['Offer 104 (Mas Internet 1GB) is already active on this line', 'ALREADY_ACTIVE'],
    ['The line is blocked: its plan cannot change', 'LINE_BLOCKED'],
    ['Plan 801 is not an upgrade from the current plan 803', 'NOT_ELIGIBLE'],
    ['An upgrade request is already in process (request 12)', 'PENDING_REQUEST'],
  ])('the Sandbox’s "%s" is %s', (message, code) => {
    expect(refused(message)).toEqual({ code, message });
  });

  it.each([
    ['La línea está bloqueada', 'LINE_BLOCKED'],
    ['Ya existe una solicitud pendiente', 'PENDING_REQUEST'],
    ['Se alcanzó el límite de números favoritos', 'LIMIT_REACHED'],
    ['El cliente no es elegible para esta oferta', 'NOT_ELIGIBLE'],
    ['La oferta ya está activa', 'ALREADY_ACTIVE'],
    ['Customer not eligible for this plan', 'NOT_ELIGIBLE'],
    ['Monthly purchase limit reached', 'LIMIT_REACHED'],
  ])('the operator’s "%s" is %s', (message, code) => {
    expect(refused(message)?.code).toBe(code);
  });

  it('an unknown 403, or one with no message, is REFUSED with its message', () => {
    expect(refused('Operación no permitida')).toEqual({ code: 'REFUSED', message: 'Operación no permitida' });
    expect(refused('The upstream answered 403')?.code).toBe('REFUSED');
  });

  it('anything but an upstream 403 is no refusal: it stays an error', () => {
    expect(refused('Offer 999 was not found', 404)).toBeNull();
    expect(refused('The line is blocked', 400)).toBeNull();
    expect(
      refusalOf(new UpstreamError('timeout', 'PurchaseOfferbyMSISDNandOfferId', 'late', 403)),
    ).toBeNull();
    expect(refusalOf(new Error('The line is blocked'))).toBeNull();
  });
});
