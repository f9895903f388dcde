// One mutation per write operation of the upstream. Each drops (or primes) what it changed in
// this request's loaders, so the payload's Subscriber reads the new state.
import type { PlanUpgradeRequest, StatusCode } from '../../contract/wire.ts';
import type { Context } from '../../http/context.ts';
import type { Resource } from '../../loaders/index.ts';
import type { MutationResolvers, OfferInput, PlanChangeInput } from '../__generated__/resolvers.ts';
import { lineOf } from '../lines.ts';
import type { PayloadRef, SubscriberRef } from '../refs.ts';

/** Runs a write, then forgets the resources it may have changed. */
async function write(
  context: Context,
  line: SubscriberRef,
  changes: Resource[],
  run: () => Promise<{ response?: string; message?: string }>,
): Promise<PayloadRef> {
  const result = await run();
  for (const resource of changes) context.loaders[resource].clearAll();
  return { response: result.response, message: result.message, subscriber: line };
}

const target = (line: SubscriberRef) => ({ country: line.country, path: { MSISDN: line.msisdn } });
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;

const planRequest = (input: PlanChangeInput): PlanUpgradeRequest =>
  defined({
    planId: input.planId,
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
  const line = lineOf(context, input.msisdn, input.country);
  return write(context, line, ['offers'], () =>
    context.api[operation](
      { country: line.country, path: { MSISDN: line.msisdn, offerId: input.offerId } },
      context.call,
    ),
  );
}

const PLAN_STATE: Resource[] = ['plan', 'plans', 'upgradeRequest', 'offers'];

export const Mutation: MutationResolvers = {
  updateStatus: async (_, { input }, context) => {
    const line = lineOf(context, input.msisdn, input.country);
    const status = await context.api.UpdateStatusOfSubscriberByMSISDN(
      {
        ...target(line),
        body: defined({
          code: (input.code === 'ACTIVE' ? 'Active' : 'Blocked') as StatusCode,
          assetType: input.assetType,
          updateReason: input.reason ?? undefined,
          customerId: input.customerId ?? undefined,
          documentType: input.documentType ?? undefined,
          name: input.name ?? undefined,
          lastName: input.lastName ?? undefined,
        }),
      },
      context.call,
    );
    // The answer is the new status: prime it, so the payload's subscriber costs no second read.
    context.loaders.status.clear(line).prime(line, status);
    return { response: null, message: status.description ?? null, status, subscriber: line };
  },

  addFavorite: (_, { input }, context) => {
    const line = lineOf(context, input.msisdn, input.country);
    return write(context, line, ['favorites'], () =>
      context.api.AddFavoriteNumberByMSISDN(
        {
          ...target(line),
          body: defined({
            PhoneNumber: input.phoneNumber,
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
    const line = lineOf(context, input.msisdn, input.country);
    return write(context, line, ['favorites'], () =>
      context.api.DeleteFavoriteNumberByMSISDN(
        { ...target(line), body: { PhoneNumber: input.phoneNumber } },
        context.call,
      ),
    );
  },

  purchaseOffer: (_, { input }, context) => offerWrite(context, input, 'PurchaseOfferbyMSISDNandOfferId'),

  cancelOffer: (_, { input }, context) => offerWrite(context, input, 'DeleteOfferbyMSISDNandOfferId'),

  changePlan: (_, { input }, context) => {
    const line = lineOf(context, input.msisdn, input.country);
    return write(context, line, PLAN_STATE, () =>
      context.api.UpdateCurrentPlanByMSISDN({ ...target(line), body: planRequest(input) }, context.call),
    );
  },

  requestPlanUpgrade: (_, { input }, context) => {
    const line = lineOf(context, input.msisdn, input.country);
    return write(context, line, ['upgradeRequest'], () =>
      context.api.CreateUpgradeRequestbyMSISDN({ ...target(line), body: planRequest(input) }, context.call),
    );
  },

  requestAdditionalSubscriptions: (_, { input }, context) => {
    const line = lineOf(context, input.msisdn, input.country);
    return write(context, line, [], () =>
      context.api.CreateSubscriptionRequestsbyMSISDN(
        {
          ...target(line),
          body: defined({
            planId: input.planId,
            planName: input.planName,
            categoryName: input.category,
            monthlyAmount: input.monthlyAmount,
            currencyId: input.currency,
            name: input.name,
            email: input.email ?? undefined,
            fromPlan: input.fromPlan ?? undefined,
            AdditionalSubscriptionsList: input.subscriptions?.map((s) =>
              defined({
                planId: s.planId,
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
