/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddFavoriteInput = {
  country?: Country | null | undefined;
  expirationDate?: string | null | undefined;
  label?: string | null | undefined;
  msisdn: string;
  phoneNumber: string;
  planCode?: string | null | undefined;
};

export type AdditionalSubscriptionInput = {
  category?: string | null | undefined;
  currency?: string | null | undefined;
  email?: string | null | undefined;
  monthlyAmount?: number | null | undefined;
  planId: string | number;
  planName: string;
};

export type AdditionalSubscriptionsInput = {
  category: string;
  country?: Country | null | undefined;
  currency: string;
  email?: string | null | undefined;
  /** Source of the plan, e.g. TigoApp. */
  fromPlan?: string | null | undefined;
  monthlyAmount: number;
  msisdn: string;
  /** Full name of the customer. */
  name: string;
  planId: string | number;
  planName: string;
  subscriptions?: Array<AdditionalSubscriptionInput> | null | undefined;
};

/** Asset whose status is reported or changed. */
export type AssetType =
  | 'IMEI'
  | 'SIM'
  | 'SIM_IMEI'
  /** An asset the upstream reported that this schema does not know (its text is in `assetTypeRaw`). Never accepted as input. */
  | 'UNKNOWN';

/** A market of the Self Care API (the `{country}` of its base path). */
export type Country =
  | 'BO'
  | 'CO'
  | 'GT'
  | 'HN'
  | 'NI'
  | 'PA'
  | 'PY'
  | 'SV';

export type OfferInput = {
  country?: Country | null | undefined;
  msisdn: string;
  offerId: string | number;
};

/** Category of a plan's offering. */
export type OfferingCategory =
  | 'BUNDLE'
  | 'DATA'
  | 'OTHER'
  | 'SMS'
  /** A category the upstream sent that this schema does not know (its text is in `categoryRaw`). */
  | 'UNKNOWN'
  | 'VOICE';

/** The plan asked for in a plan change or an upgrade request. */
export type PlanChangeInput = {
  category?: string | null | undefined;
  country?: Country | null | undefined;
  currency?: string | null | undefined;
  email?: string | null | undefined;
  /** Source or id of the OLD plan, e.g. TigoApp. */
  fromPlan?: string | null | undefined;
  monthlyAmount?: number | null | undefined;
  msisdn: string;
  /** Full name of the customer. */
  name?: string | null | undefined;
  /** Id of the NEW plan. */
  planId: string | number;
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

export type RemoveFavoriteInput = {
  country?: Country | null | undefined;
  msisdn: string;
  phoneNumber: string;
};

/** Status of a line's asset. */
export type StatusCode =
  | 'ACTIVE'
  | 'BLOCKED'
  /** A status the upstream reported that this schema does not know (its text is in `codeRaw`). Never accepted as input. */
  | 'UNKNOWN';

export type UpdateStatusInput = {
  assetType: AssetType;
  code: StatusCode;
  country?: Country | null | undefined;
  /** Customer unique identifier, usually a national id or tax payer number. */
  customerId?: string | null | undefined;
  /** What customerId is: national id, tax payer number, passport, ... */
  documentType?: string | null | undefined;
  lastName?: string | null | undefined;
  msisdn: string;
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
  | 'DAY'
  | 'HOUR';

export type DashboardQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type DashboardQuery = { subscriber: { msisdn: string, country: Country, status: { code: StatusCode, assetType: AssetType, description: string | null } | null, plan: { id: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null } | null, offers: Array<{ id: string, name: string, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null }> | null, favorites: Array<{ phoneNumber: string, label: string | null, expirationDate: string | null }> | null, phoneLease: { brand: string | null, model: string | null, nextRenewalDate: string | null } | null, usage: { percentageByApp: { lastUpdatedAt: string | null, records: Array<{ date: string | null, appName: string | null, percentage: number | null, bytes: number | null }> } | null } } | null };

export type FavoritesQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type FavoritesQuery = { subscriber: { msisdn: string, favorites: Array<{ phoneNumber: string, label: string | null, expirationDate: string | null, planCode: string | null }> | null } | null };

export type AddFavoriteMutationVariables = Exact<{
  input: AddFavoriteInput;
}>;


export type AddFavoriteMutation = { addFavorite: { response: string | null, message: string | null, subscriber: { msisdn: string, favorites: Array<{ phoneNumber: string, label: string | null, expirationDate: string | null }> | null } } };

export type RemoveFavoriteMutationVariables = Exact<{
  input: RemoveFavoriteInput;
}>;


export type RemoveFavoriteMutation = { removeFavorite: { message: string | null, subscriber: { msisdn: string, favorites: Array<{ phoneNumber: string, label: string | null }> | null } } };

export type LineStatusQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type LineStatusQuery = { subscriber: { msisdn: string, status: { code: StatusCode, assetType: AssetType, description: string | null } | null } | null };

export type UpdateStatusMutationVariables = Exact<{
  input: UpdateStatusInput;
}>;


export type UpdateStatusMutation = { updateStatus: { message: string | null, status: { code: StatusCode, assetType: AssetType, description: string | null } } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { msisdn: string, country: Country, status: { code: StatusCode, assetType: AssetType } | null, plan: { id: string, name: string } | null } | null };

export type OffersQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  channelId?: number | null | undefined;
}>;


export type OffersQuery = { subscriber: { msisdn: string, offers: Array<{ id: string, name: string, description: string | null, amount: number | null, currency: string | null, validity: string | null, validityUnit: string | null, category: string | null, acquisitionMethods: Array<{ id: number, name: string }> }> | null } | null };

export type PurchaseOfferMutationVariables = Exact<{
  input: OfferInput;
}>;


export type PurchaseOfferMutation = { purchaseOffer: { response: string | null, message: string | null } };

export type CancelOfferMutationVariables = Exact<{
  input: OfferInput;
}>;


export type CancelOfferMutation = { cancelOffer: { response: string | null, message: string | null } };

export type PhoneLeaseQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
}>;


export type PhoneLeaseQuery = { subscriber: { msisdn: string, phoneLease: { brand: string | null, model: string | null, imei: string | null, insurance: string | null, lastBillingDate: string | null, nextRenewalDate: string | null, status: string | null } | null } | null };

export type PlanOptionsQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  type?: PlanType | null | undefined;
}>;


export type PlanOptionsQuery = { subscriber: { msisdn: string, plan: { id: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null } | null, availablePlans: Array<{ id: string, name: string, monthlyAmount: number, currency: string | null, dataMB: number | null, category: string | null, offerings: Array<{ category: OfferingCategory | null, id: string | null, details: Array<{ name: string | null, value: string | null }> }> }> | null, upgradeRequest: { status: string | null, message: string | null } | null } | null };

export type ChangePlanMutationVariables = Exact<{
  input: PlanChangeInput;
}>;


export type ChangePlanMutation = { changePlan: { response: string | null, message: string | null, subscriber: { msisdn: string, plan: { id: string, name: string, monthlyAmount: number } | null, upgradeRequest: { status: string | null } | null } } };

export type RequestPlanUpgradeMutationVariables = Exact<{
  input: PlanChangeInput;
}>;


export type RequestPlanUpgradeMutation = { requestPlanUpgrade: { response: string | null, message: string | null, subscriber: { msisdn: string, upgradeRequest: { status: string | null, message: string | null } | null } } };

export type RequestAdditionalSubscriptionsMutationVariables = Exact<{
  input: AdditionalSubscriptionsInput;
}>;


export type RequestAdditionalSubscriptionsMutation = { requestAdditionalSubscriptions: { response: string | null, message: string | null } };

export type UsageQueryVariables = Exact<{
  msisdn: string;
  country?: Country | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  resolution?: UsageResolution | null | undefined;
}>;


export type UsageQuery = { subscriber: { msisdn: string, usage: { hourlyByApp: { totalBytes: number | null, lastUpdatedAt: string | null, records: Array<{ date: string | null, hour: string | null, appName: string | null, bytes: number | null }> } | null, percentageByApp: { lastUpdatedAt: string | null, records: Array<{ date: string | null, hour: string | null, appName: string | null, percentage: number | null, bytes: number | null }> } | null } } | null };


export const DashboardDocument = {"__meta__":{"hash":"sha256:38b942818a3b77c0415bf1daba70e092ea8f45537f8818891dfa0cdb0f56707d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneLease"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"nextRenewalDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percentageByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const FavoritesDocument = {"__meta__":{"hash":"sha256:6dbf4e77cd50a7462dee0268bd8e4db689c713c709b0bc1fd78f66b27e404455"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Favorites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"planCode"}}]}}]}}]}}]} as unknown as DocumentNode<FavoritesQuery, FavoritesQueryVariables>;
export const AddFavoriteDocument = {"__meta__":{"hash":"sha256:4ff9b4ddea9466a6337e775b0e900958560fdb92400d7ed5efad6802ca353f39"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddFavorite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddFavoriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addFavorite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"expirationDate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddFavoriteMutation, AddFavoriteMutationVariables>;
export const RemoveFavoriteDocument = {"__meta__":{"hash":"sha256:a71e1a305139e707b8da8db07415a4e53982d5255267d5647f2f485b0ed47d94"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveFavorite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveFavoriteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeFavorite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"favorites"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveFavoriteMutation, RemoveFavoriteMutationVariables>;
export const LineStatusDocument = {"__meta__":{"hash":"sha256:3aa4b461af36a43dbccfc6d6ee0ad1f923a07ee79bae6d008286c18f0c81f5d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LineStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<LineStatusQuery, LineStatusQueryVariables>;
export const UpdateStatusDocument = {"__meta__":{"hash":"sha256:87f729decfaf58b1f9daf24a1cfcb8490854398ea79d4e5b8e24237c7ca2c3d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateStatusMutation, UpdateStatusMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:50d62f89f340f61ba7d1343a046fbc8d15d002a0823a6f85749b06bbe9eb30bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"assetType"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const OffersDocument = {"__meta__":{"hash":"sha256:693ed0065cd570819ded7ab86e0867ffe3eae742f64287e346a03bacee3cd96f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Offers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channelId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"channelId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channelId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"validity"}},{"kind":"Field","name":{"kind":"Name","value":"validityUnit"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"acquisitionMethods"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OffersQuery, OffersQueryVariables>;
export const PurchaseOfferDocument = {"__meta__":{"hash":"sha256:23b16d60866483f038cb1251a7ca3d5ccfb19fabefcf3509f9af385ab57bb400"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PurchaseOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<PurchaseOfferMutation, PurchaseOfferMutationVariables>;
export const CancelOfferDocument = {"__meta__":{"hash":"sha256:aad8cdfac84109bfd458a9202aa6b2cabd0e9792b5eca5ac4cff88bdb3103066"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CancelOfferMutation, CancelOfferMutationVariables>;
export const PhoneLeaseDocument = {"__meta__":{"hash":"sha256:e3281384d5c1a086f4dea63e142cab48b1d2a505a1520e1bebbea69e6d605123"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PhoneLease"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"phoneLease"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"imei"}},{"kind":"Field","name":{"kind":"Name","value":"insurance"}},{"kind":"Field","name":{"kind":"Name","value":"lastBillingDate"}},{"kind":"Field","name":{"kind":"Name","value":"nextRenewalDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<PhoneLeaseQuery, PhoneLeaseQueryVariables>;
export const PlanOptionsDocument = {"__meta__":{"hash":"sha256:ccb325fcd7ab5ac5ed65f8f3a92a532ef365325e1c4f87859dd6b9572a45463b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PlanOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanType"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availablePlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"dataMB"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"offerings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PlanOptionsQuery, PlanOptionsQueryVariables>;
export const ChangePlanDocument = {"__meta__":{"hash":"sha256:dc677197eac22b59c05b8f183abac1af22dce1b03f9f97999f1bea150120def2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangePlanMutation, ChangePlanMutationVariables>;
export const RequestPlanUpgradeDocument = {"__meta__":{"hash":"sha256:667c8bb32c5ef58f06faefc5801bcde71db7f7862fc98b3527e76a930fff1c23"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPlanUpgrade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PlanChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPlanUpgrade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"upgradeRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestPlanUpgradeMutation, RequestPlanUpgradeMutationVariables>;
export const RequestAdditionalSubscriptionsDocument = {"__meta__":{"hash":"sha256:230172b143b3cad50960fc5ee18e041d9ff3c876e88d84fd8e12d27a108060b3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAdditionalSubscriptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdditionalSubscriptionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAdditionalSubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<RequestAdditionalSubscriptionsMutation, RequestAdditionalSubscriptionsMutationVariables>;
export const UsageDocument = {"__meta__":{"hash":"sha256:1992ca8462bfcf53f2ab2eed06d78657f3f2b6d284a29842f63509ced04f798a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Usage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MSISDN"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"country"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Country"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UsageResolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"msisdn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"msisdn"}}},{"kind":"Argument","name":{"kind":"Name","value":"country"},"value":{"kind":"Variable","name":{"kind":"Name","value":"country"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"msisdn"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hourlyByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalBytes"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"percentageByApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"resolution"},"value":{"kind":"Variable","name":{"kind":"Name","value":"resolution"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"hour"}},{"kind":"Field","name":{"kind":"Name","value":"appName"}},{"kind":"Field","name":{"kind":"Name","value":"percentage"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UsageQuery, UsageQueryVariables>;