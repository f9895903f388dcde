// One mutation per write operation of the upstream. Each drops (or primes) what it changed in
// this request's loaders, so the payload's Subscriber reads the new state. The upstream's business
// refusals are the payload's userErrors (errors as data); every other failure stays an error.
import type { PlanUpgradeRequest, StatusCode } from '../../contract/wire.ts';
import type { Resource } from '../../loaders/index.ts';
import type { SubscriberRef } from '../../shared/line.ts';
import { UpstreamError } from '../../upstream/errors.ts';
import type {
  MutationResolvers,
  OfferInput,
  PlanChangeInput,
  UserError,
} from '../__generated__/resolvers.ts';
import type { Context } from '../context.ts';
import { upstreamIdOf } from '../ids.ts';
import { lineOfInput } from '../lines.ts';
import { refusalOf } from '../refusals.ts';
import { badInput, digitsOf } from '../scalars.ts';

/** What every mutation payload resolves from. */
interface PayloadRef {
  response: string | null;
  message: string | null;
  /** The operator's refusals: empty when the write went through. */
  userErrors: UserError[];
  subscriber: SubscriberRef;
}

/** Runs a write: its answer, or the operator's refusal of it; any other failure is thrown. */
async function attempt<T>(run: () => Promise<T>): Promise<{ result: T } | { refusal: UserError }> {
  try {
    return { result: await run() };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { refusal };
  }
}

/** A payload of a write the operator refused: no answer, the refusal, the line as it is. */
const refused = (refusal: UserError, line: SubscriberRef): PayloadRef => ({
  response: null,
  message: null,
  userErrors: [refusal],
  subscriber: line,
});

/** Runs a write, then forgets the resources it may have changed (nothing changed when it was refused). */
async function write(
  context: Context,
  line: SubscriberRef,
  changes: Resource[],
  run: () => Promise<{ response?: string; message?: string }>,
): Promise<PayloadRef> {
  const outcome = await attempt(run);
  if ('refusal' in outcome) return refused(outcome.refusal, line);
  for (const resource of changes) context.loaders[resource].clearAll();
  // Any 2xx is a success, an empty one (204) too.
  const { response, message } = outcome.result ?? {};
  return { response: response ?? null, message: message ?? null, userErrors: [], subscriber: line };
}

/** A favorite's number: `phoneNumber` (normalised to digits by its scalar) or `phoneNumberAsWritten`, as it is. */
function phoneNumberOf(input: { phoneNumber?: string | null; phoneNumberAsWritten?: string | null }): string {
  const { phoneNumber, phoneNumberAsWritten } = input;
  if ((phoneNumber == null) === (phoneNumberAsWritten == null)) {
    throw badInput('Give the number as phoneNumber or as phoneNumberAsWritten, one of the two');
  }
  return (phoneNumber ?? phoneNumberAsWritten) as string;
}

const target = (line: SubscriberRef) => ({ country: line.country, path: { MSISDN: line.msisdn } });
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

const planRequest = (line: SubscriberRef, input: PlanChangeInput): PlanUpgradeRequest =>
  defined({
    planId: upstreamIdOf(line, input.planId),
    planName: input.planName ?? undefined,
    monthlyAmount: input.monthlyAmount ?? undefined,
    currencyId: input.currency ?? undefined,
    categoryName: input.category ?? undefined,
    fromPlan: input.fromPlan ?? undefined,
    name: input.name ?? undefined,
    email: input.email ?? undefined,
  });

function offerWrite(
  context: Context,
  input: OfferInput,
  operation: 'PurchaseOfferbyMSISDNandOfferId' | 'DeleteOfferbyMSISDNandOfferId',
): Promise<PayloadRef> {
  const line = lineOfInput(context, input);
  const offerId = upstreamIdOf(line, input.offerId);
  return write(context, line, ['offers'], () =>
    context.api[operation]({ country: line.country, path: { MSISDN: line.msisdn, offerId } }, context.call),
  );
}

const PLAN_STATE: Resource[] = ['plan', 'plans', 'upgradeRequest', 'offers'];

export const Mutation: MutationResolvers = {
  updateStatus: async (_, { input }, context) => {
    const line = lineOfInput(context, input);
    if (input.code === 'UNKNOWN' || input.assetType === 'UNKNOWN') {
      throw badInput(
        'UNKNOWN names a value the upstream sent; a status change needs a known code and asset type',
      );
    }
    // Narrowed here: the closure below would lose the check above.
    const assetType = input.assetType;
    const outcome = await attempt(() =>
      context.api.UpdateStatusOfSubscriberByMSISDN(
        {
          ...target(line),
          body: defined({
            code: (input.code === 'ACTIVE' ? 'Active' : 'Blocked') as StatusCode,
            assetType,
            updateReason: input.reason ?? undefined,
            customerId: input.customerId ?? undefined,
            documentType: input.documentType ?? undefined,
            name: input.name ?? undefined,
            lastName: input.lastName ?? undefined,
          }),
        },
        context.call,
      ),
    );
    if ('refusal' in outcome) {
      const status = await context.loaders.status.load(line);
      return { ...refused(outcome.refusal, line), status };
    }
    // The answer is the new status: prime it, so the payload's subscriber costs no second read. An
    // empty 2xx is a success too; the status is then read afresh.
    context.loaders.status.clear(line);
    if (outcome.result) context.loaders.status.prime(line, outcome.result);
    const status = outcome.result ?? (await context.loaders.status.load(line));
    return { response: null, message: status.description ?? null, status, userErrors: [], subscriber: line };
  },

  addFavorite: (_, { input }, context) => {
    const line = lineOfInput(context, input);
    return write(context, line, ['favorites'], () =>
      context.api.AddFavoriteNumberByMSISDN(
        {
          ...target(line),
          body: defined({
            PhoneNumber: phoneNumberOf(input),
            ExpirationDate: input.expirationDate ?? undefined,
            Label: input.label ?? undefined,
            PlanCode: input.planCode ?? undefined,
          }),
        },
        context.call,
      ),
    );
  },

  removeFavorite: (_, { input }, context) => {
    const line = lineOfInput(context, input);
    const remove = (PhoneNumber: string) =>
      context.api.DeleteFavoriteNumberByMSISDN({ ...target(line), body: { PhoneNumber } }, context.call);
    const phoneNumber = phoneNumberOf(input);
    return write(context, line, ['favorites'], () =>
      remove(phoneNumber).catch(async (error: unknown) => {
        // The input was normalised to digits; the upstream may have stored the number written
        // otherwise ("+504 9988-7766"). That stored value, unchanged, is what it can remove.
        if (!(error instanceof UpstreamError) || error.status !== 404 || input.phoneNumber == null)
          throw error;
        const stored = (await context.loaders.favorites.load(line)).find(
          (f) => f.PhoneNumber !== input.phoneNumber && digitsOf(f.PhoneNumber) === input.phoneNumber,
        );
        if (!stored) throw error;
        return remove(stored.PhoneNumber);
      }),
    );
  },

  purchaseOffer: (_, { input }, context) => offerWrite(context, input, 'PurchaseOfferbyMSISDNandOfferId'),

  cancelOffer: (_, { input }, context) => offerWrite(context, input, 'DeleteOfferbyMSISDNandOfferId'),

  changePlan: (_, { input }, context) => {
    const line = lineOfInput(context, input);
    return write(context, line, PLAN_STATE, () =>
      context.api.UpdateCurrentPlanByMSISDN(
        { ...target(line), body: planRequest(line, input) },
        context.call,
      ),
    );
  },

  requestPlanUpgrade: (_, { input }, context) => {
    const line = lineOfInput(context, input);
    return write(context, line, ['upgradeRequest'], () =>
      context.api.CreateUpgradeRequestbyMSISDN(
        { ...target(line), body: planRequest(line, input) },
        context.call,
      ),
    );
  },

  requestAdditionalSubscriptions: (_, { input }, context) => {
    const line = lineOfInput(context, input);
    return write(context, line, [], () =>
      context.api.CreateSubscriptionRequestsbyMSISDN(
        {
          ...target(line),
          body: defined({
            planId: upstreamIdOf(line, input.planId),
            planName: input.planName,
            categoryName: input.category,
            monthlyAmount: input.monthlyAmount,
            currencyId: input.currency,
            name: input.name,
            email: input.email ?? undefined,
            fromPlan: input.fromPlan ?? undefined,
            AdditionalSubscriptionsList: input.subscriptions?.map((s) =>
              defined({
                planId: upstreamIdOf(line, s.planId),
                planName: s.planName,
                categoryName: s.category ?? undefined,
                monthlyAmount: s.monthlyAmount ?? undefined,
                currencyId: s.currency ?? undefined,
                email: s.email ?? undefined,
              }),
            ),
          }),
        },
        context.call,
      ),
    );
  },
};
