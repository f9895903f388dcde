/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A favorite number to add to a line. */
export type AddFavoriteInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** Optional date on which the number stops being a favorite. */
  expirationDate?: string | null | undefined;
  /** Optional description or user-defined label of the number. */
  label?: string | null | undefined;
  /** The line that gains the favorite; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** Phone number that is considered a favorite number; or phoneNumberAsWritten. */
  phoneNumber?: string | null | undefined;
  /**
   * The number exactly as written, instead of `phoneNumber` (one of the two): not normalised or checked,
   * sent as it is (the REST router's pass-through; also reaches a favorite stored in another form).
   */
  phoneNumberAsWritten?: string | null | undefined;
  /** Optional plan code or number to which the number is added. */
  planCode?: string | null | undefined;
};

/** One more subscription of a request for additional subscriptions. */
export type AdditionalSubscriptionInput = {
  /** The name of the main category of the plan. */
  category?: string | null | undefined;
  /** ISO 4217 currency of the amount. */
  currency?: string | null | undefined;
  /** Email of the customer. */
  email?: string | null | undefined;
  /** Monthly base amount the customer pays for the plan. */
  monthlyAmount?: number | null | undefined;
  /** Id of the plan of the subscription: its `planId` or its `id` (of the line's market). */
  planId: string | number;
  /** Short name of the plan. */
  planName: string;
};

/** A request for one or more additional subscriptions (more lines) of a customer. */
export type AdditionalSubscriptionsInput = {
  /** The name of the main category of the plan. */
  category: string;
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** ISO 4217 currency of the amount. */
  currency: string;
  /** Email of the customer. */
  email?: string | null | undefined;
  /** Source of the plan, e.g. TigoApp. */
  fromPlan?: string | null | undefined;
  /** Monthly base amount the customer pays for the plan. */
  monthlyAmount: number;
  /** The line that asks; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** Full name of the customer. */
  name: string;
  /** Id of the plan of the first additional line: its `planId` or its `id` (of the line's market). */
  planId: string | number;
  /** Short name of the plan. */
  planName: string;
  /** Further subscriptions of the same request. */
  subscriptions?: Array<AdditionalSubscriptionInput> | null | undefined;
};

/** Asset whose status is reported or changed. */
export type AssetType =
  /** The device, by its IMEI. */
  | 'IMEI'
  /** The SIM card. */
  | 'SIM'
  /** Both the SIM and the device. */
  | 'SIM_IMEI'
  /** An asset the upstream reported that this schema does not know (its text is in `assetTypeRaw`). Never accepted as input. */
  | 'UNKNOWN';

/** A market of the Self Care API (the `{country}` of its base path). */
export type Country =
  /** Bolivia. */
  | 'BO'
  /** Colombia. */
  | 'CO'
  /** Guatemala. */
  | 'GT'
  /** Honduras. */
  | 'HN'
  /** Nicaragua. */
  | 'NI'
  /** Panama. */
  | 'PA'
  /** Paraguay. */
  | 'PY'
  /** El Salvador. */
  | 'SV';

/** An offer of a line, to buy or to cancel. */
export type OfferInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** The line that buys or cancels the offer; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** The offer: its `offerId` (e.g. 104) or its `id` (e.g. hn:104, of the line's market). */
  offerId: string | number;
};

/** Category of a plan's offering. */
export type OfferingCategory =
  /** A bundle of several services. */
  | 'BUNDLE'
  /** Mobile data. */
  | 'DATA'
  /** Any other service, e.g. apps included in the monthly amount. */
  | 'OTHER'
  /** Text messages. */
  | 'SMS'
  /** A category the upstream sent that this schema does not know (its text is in `categoryRaw`). */
  | 'UNKNOWN'
  /** Voice: minutes, calls. */
  | 'VOICE';

/** The plan asked for in a plan change or an upgrade request. */
export type PlanChangeInput = {
  /** The name of the main category of the NEW plan. */
  category?: string | null | undefined;
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** ISO 4217 currency of the amount. */
  currency?: string | null | undefined;
  /** Email of the customer. */
  email?: string | null | undefined;
  /** Source or id of the OLD plan, e.g. TigoApp. */
  fromPlan?: string | null | undefined;
  /** Monthly base amount the customer pays for the NEW plan. */
  monthlyAmount?: number | null | undefined;
  /** The line whose plan changes; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** Full name of the customer. */
  name?: string | null | undefined;
  /** Id of the NEW plan: its `planId` (e.g. 803) or its `id` (e.g. hn:803, of the line's market). */
  planId: string | number;
  /** Short name of the NEW plan. */
  planName?: string | null | undefined;
};

/** Filter of the plan catalog. */
export type PlanType =
  /** Plans of additional lines. */
  | 'ADDITIONAL'
  /** Line plans cheaper than the current one. */
  | 'DOWNGRADES'
  /** Plans for new customers. */
  | 'NEW'
  /** Plans offered to keep the customer. */
  | 'RETENTION'
  /** Line plans dearer than the current one. */
  | 'UPGRADES';

/** A favorite number to remove from a line. */
export type RemoveFavoriteInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** The line that loses the favorite; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** The favorite number to remove; or phoneNumberAsWritten. */
  phoneNumber?: string | null | undefined;
  /**
   * The number exactly as written, instead of `phoneNumber` (one of the two): not normalised or checked,
   * sent as it is (the REST router's pass-through; also reaches a favorite stored in another form).
   */
  phoneNumberAsWritten?: string | null | undefined;
};

/** Status of a line's asset. */
export type StatusCode =
  /** The asset works. */
  | 'ACTIVE'
  /** The asset is blocked, e.g. after a theft. */
  | 'BLOCKED'
  /** A status the upstream reported that this schema does not know (its text is in `codeRaw`). Never accepted as input. */
  | 'UNKNOWN';

/** A change of the status of a line's SIM, device or both. */
export type UpdateStatusInput = {
  /** Asset whose status is updated. */
  assetType: AssetType;
  /** The new status. */
  code: StatusCode;
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: Country | null | undefined;
  /** Customer unique identifier, usually a national id or tax payer number. */
  customerId?: string | null | undefined;
  /** What customerId is: national id, tax payer number, passport, ... */
  documentType?: string | null | undefined;
  /** Last name of the customer. */
  lastName?: string | null | undefined;
  /** The line whose status changes; or msisdnAsWritten. */
  msisdn?: string | null | undefined;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: string | null | undefined;
  /** First name, company name or full name of the customer. */
  name?: string | null | undefined;
  /** Reason of the change, e.g. a stolen phone. */
  reason?: string | null | undefined;
};

/**
 * HOUR: a record per hour and app (the default); DAY: a record per day and app.
 * (The source's text swaps the two; this is the reading the gateway and its upstream share.)
 */
export type UsageResolution =
  /** A record per day and app. */
  | 'DAY'
  /** A record per hour and app. */
  | 'HOUR';

/**
 * Why the operator refused a mutation: a business answer, not a failure. A client switches on it to
 * tell the customer what happened; treat a code it does not know as REFUSED.
 */
export type UserErrorCode =
  /** What was asked is already in place: the number is already a favorite, the offer is already active. */
  | 'ALREADY_ACTIVE'
  /** A limit of the line is reached, e.g. no favorite slots left. */
  | 'LIMIT_REACHED'
  /** The line is blocked, so it cannot change. */
  | 'LINE_BLOCKED'
  /** The line may not have what was asked, e.g. a plan that is not an upgrade from the current one. */
  | 'NOT_ELIGIBLE'
  /** A request of the same kind is already in process, e.g. an upgrade request. */
  | 'PENDING_REQUEST'
  /** The operator refused for a reason the gateway does not classify; `message` says which. */
  | 'REFUSED';

export type DashboardQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type DashboardQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, country: Country, status: { __typename: 'LineStatus', code: StatusCode, assetType: AssetType, description: string | null } | null, plan: { __typename: 'Plan', id: string, planId: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null } | null, offers: Array<{ __typename: 'Offer', id: string, offerId: string, name: string, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null }> | null, favorites: Array<{ __typename: 'FavoriteNumber', phoneNumber: string, label: string | null, expirationDate: string | null }> | null, phoneLease: { __typename: 'PhoneLease', brand: string | null, model: string | null, nextRenewalDate: string | null } | null, usage: { __typename: 'Usage', percentageByApp: { __typename: 'UsageShares', lastUpdatedAt: string | null, records: Array<{ __typename: 'AppUsageShare', date: string | null, appName: string | null, percentage: number | null, bytes: number | null }> } | null } } | null };

export type FavoritesQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type FavoritesQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, favorites: Array<{ __typename: 'FavoriteNumber', phoneNumber: string, label: string | null, expirationDate: string | null, planCode: string | null }> | null } | null };

export type AddFavoriteMutationVariables = Exact<{
  input: AddFavoriteInput;
}>;


export type AddFavoriteMutation = { __typename: 'Mutation', addFavorite: { __typename: 'AddFavoritePayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, favorites: Array<{ __typename: 'FavoriteNumber', phoneNumber: string, label: string | null, expirationDate: string | null, planCode: string | null }> | null } } };

export type RemoveFavoriteMutationVariables = Exact<{
  input: RemoveFavoriteInput;
}>;


export type RemoveFavoriteMutation = { __typename: 'Mutation', removeFavorite: { __typename: 'RemoveFavoritePayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, favorites: Array<{ __typename: 'FavoriteNumber', phoneNumber: string, label: string | null, expirationDate: string | null, planCode: string | null }> | null } } };

export type LineStatusQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type LineStatusQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, status: { __typename: 'LineStatus', code: StatusCode, assetType: AssetType, description: string | null } | null } | null };

export type UpdateStatusMutationVariables = Exact<{
  input: UpdateStatusInput;
}>;


export type UpdateStatusMutation = { __typename: 'Mutation', updateStatus: { __typename: 'UpdateStatusPayload', message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, status: { __typename: 'LineStatus', code: StatusCode, assetType: AssetType, description: string | null }, subscriber: { __typename: 'Subscriber', id: string, status: { __typename: 'LineStatus', code: StatusCode, assetType: AssetType, description: string | null } | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'Subscriber', id: string, msisdn: string, country: Country, status: { __typename: 'LineStatus', code: StatusCode, assetType: AssetType } | null, plan: { __typename: 'Plan', id: string, planId: string, name: string } | null } | null };

export type OffersQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  channelId?: number | null | undefined;
}>;


export type OffersQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, offers: Array<{ __typename: 'Offer', id: string, offerId: string, name: string, description: string | null, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null, category: string | null, acquisitionMethods: Array<{ __typename: 'AcquisitionMethod', id: number, name: string }> }> | null } | null };

export type PurchaseOfferMutationVariables = Exact<{
  input: OfferInput;
}>;


export type PurchaseOfferMutation = { __typename: 'Mutation', purchaseOffer: { __typename: 'PurchaseOfferPayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, offers: Array<{ __typename: 'Offer', id: string, offerId: string, name: string, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null }> | null } } };

export type CancelOfferMutationVariables = Exact<{
  input: OfferInput;
}>;


export type CancelOfferMutation = { __typename: 'Mutation', cancelOffer: { __typename: 'CancelOfferPayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, offers: Array<{ __typename: 'Offer', id: string, offerId: string, name: string, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null }> | null } } };

export type PhoneLeaseQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type PhoneLeaseQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, phoneLease: { __typename: 'PhoneLease', brand: string | null, model: string | null, imei: string | null, insurance: string | null, lastBillingDate: string | null, nextRenewalDate: string | null, status: string | null } | null } | null };

export type PlanOptionsQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  type?: PlanType | null | undefined;
}>;


export type PlanOptionsQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, plan: { __typename: 'Plan', id: string, planId: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null } | null, availablePlans: Array<{ __typename: 'Plan', id: string, planId: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null, category: string | null, offerings: Array<{ __typename: 'ProductOffering', category: OfferingCategory | null, id: string | null, details: Array<{ __typename: 'NameValue', name: string | null, value: string | null }> }> }> | null, upgradeRequest: { __typename: 'UpgradeRequest', status: string | null, message: string | null } | null } | null };

export type ChangePlanMutationVariables = Exact<{
  input: PlanChangeInput;
}>;


export type ChangePlanMutation = { __typename: 'Mutation', changePlan: { __typename: 'ChangePlanPayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, plan: { __typename: 'Plan', id: string, planId: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null } | null, offers: Array<{ __typename: 'Offer', id: string, offerId: string, name: string, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null }> | null, upgradeRequest: { __typename: 'UpgradeRequest', status: string | null, message: string | null } | null } } };

export type RequestPlanUpgradeMutationVariables = Exact<{
  input: PlanChangeInput;
}>;


export type RequestPlanUpgradeMutation = { __typename: 'Mutation', requestPlanUpgrade: { __typename: 'RequestPlanUpgradePayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string, upgradeRequest: { __typename: 'UpgradeRequest', status: string | null, message: string | null } | null } } };

export type RequestAdditionalSubscriptionsMutationVariables = Exact<{
  input: AdditionalSubscriptionsInput;
}>;


export type RequestAdditionalSubscriptionsMutation = { __typename: 'Mutation', requestAdditionalSubscriptions: { __typename: 'RequestAdditionalSubscriptionsPayload', response: string | null, message: string | null, userErrors: Array<{ __typename: 'UserError', code: UserErrorCode, message: string }>, subscriber: { __typename: 'Subscriber', id: string } } };

export type UsageQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  resolution?: UsageResolution | null | undefined;
}>;


export type UsageQuery = { __typename: 'Query', subscriber: { __typename: 'Subscriber', id: string, msisdn: string, usage: { __typename: 'Usage', hourlyByApp: { __typename: 'HourlyUsage', totalBytes: number | null, lastUpdatedAt: string | null, records: Array<{ __typename: 'HourlyAppUsage', date: string | null, hour: string | null, appName: string | null, bytes: number | null }> } | null, percentageByApp: { __typename: 'UsageShares', lastUpdatedAt: string | null, records: Array<{ __typename: 'AppUsageShare', date: string | null, hour: string | null, appName: string | null, percentage: number | null, bytes: number | null }> } | null } } | null };


export const DashboardDocument = {"__meta__":{"hash":"sha256:6dcfb4560d9c9af41e8f9acbc688f1bbe19309f9e8a9a9771c87810accf0ef36"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneLease"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"nextRenewalDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"percentageByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const FavoritesDocument = {"__meta__":{"hash":"sha256:80a48accc4d7872fbb5e2a871b96e21757b9e12512a85940c59f3401e8f58d16"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Favorites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"planCode"}}]}}]}}]}}]} as unknown as DocumentNode<FavoritesQuery, FavoritesQueryVariables>;
export const AddFavoriteDocument = {"__meta__":{"hash":"sha256:7bbb407f5cfddb95c044de6a85ed0f5f915273abf74ad0599aadc8edd74422ea"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddFavorite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddFavoriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addFavorite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"planCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddFavoriteMutation, AddFavoriteMutationVariables>;
export const RemoveFavoriteDocument = {"__meta__":{"hash":"sha256:de26c51cbb46453b2551264b2b75bad032f87811902b5a396ca662a99a367997"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFavorite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveFavoriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removeFavorite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"planCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveFavoriteMutation, RemoveFavoriteMutationVariables>;
export const LineStatusDocument = {"__meta__":{"hash":"sha256:6442d23bac95afd340e8db71cd4acef8dbcd2976a15b559b00f19a9af9df73af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LineStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<LineStatusQuery, LineStatusQueryVariables>;
export const UpdateStatusDocument = {"__meta__":{"hash":"sha256:9c09392196674287bdbe20c24eee413b5c43731aee5ca461f27c2c0a51f01d3c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateStatusMutation, UpdateStatusMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:f2cd562bb2a542d965b9ce7e78ffc323d55bae3389df6c3785d8cba2b6eeec54"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const OffersDocument = {"__meta__":{"hash":"sha256:346c8686b9099bf8499eb5b806ed3a6850728b0e041511a99e14791010424abe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Offers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channelId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channelId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channelId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"acquisitionMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OffersQuery, OffersQueryVariables>;
export const PurchaseOfferDocument = {"__meta__":{"hash":"sha256:b9cff3cda100bd051f00d766db8cdcab82cde9b37de4d5d8f4ed60dcc0e67025"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PurchaseOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PurchaseOfferMutation, PurchaseOfferMutationVariables>;
export const CancelOfferDocument = {"__meta__":{"hash":"sha256:125c1cbda3057cbc47722f3327e0605a4955eb06a10c5f5db9da37cb33a91768"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CancelOfferMutation, CancelOfferMutationVariables>;
export const PhoneLeaseDocument = {"__meta__":{"hash":"sha256:091b10026c4f8a68e736bd19eb882cce406e591b95115a6c040134c1d81624f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhoneLease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"phoneLease"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"imei"}},{"kind":"Field","name":{"kind":"Name","value":"insurance"}},{"kind":"Field","name":{"kind":"Name","value":"lastBillingDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextRenewalDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<PhoneLeaseQuery, PhoneLeaseQueryVariables>;
export const PlanOptionsDocument = {"__meta__":{"hash":"sha256:7af68bed6affcff9f784f1a204f8e88acb2953d4aaad357267f6c6254b158f94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availablePlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"offerings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PlanOptionsQuery, PlanOptionsQueryVariables>;
export const ChangePlanDocument = {"__meta__":{"hash":"sha256:2b2555b9c795d59a1b8b284a079696a8365d9d0d9adadfed90c0ecddf7a60a09"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"planId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangePlanMutation, ChangePlanMutationVariables>;
export const RequestPlanUpgradeDocument = {"__meta__":{"hash":"sha256:dd570194fede8fb41ed6a8e1859877662ccc8a5e1a2d490074b844eef171570a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPlanUpgrade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestPlanUpgrade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestPlanUpgradeMutation, RequestPlanUpgradeMutationVariables>;
export const RequestAdditionalSubscriptionsDocument = {"__meta__":{"hash":"sha256:31b65fa9abcde5ca9947f4dc0c062e8c4572017f797fdaef90be9a41c736a123"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAdditionalSubscriptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdditionalSubscriptionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"requestAdditionalSubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RequestAdditionalSubscriptionsMutation, RequestAdditionalSubscriptionsMutationVariables>;
export const UsageDocument = {"__meta__":{"hash":"sha256:b174756599bdfbaf5cfce7756c3504816aef19dffa23c76f4aaf31392dfb051d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Usage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageResolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"percentageByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsageQuery, UsageQueryVariables>;