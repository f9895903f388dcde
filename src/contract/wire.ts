/**
 * Friendly names for the wire types of the upstream Mobile Self Care API v2, generated from
 * schema/upstream/self-care.openapi.yaml into ./__generated__/self-care.ts
 * (`npx openapi-typescript schema/upstream/self-care.openapi.yaml -o src/contract/__generated__/self-care.ts`).
 * Wire field names keep the casing of the source (PascalCase in FavoriteNumber, Offer and
 * AcquisitionMethod).
 */
import type { components, operations, paths } from './__generated__/self-care.ts';

export type Paths = paths;
export type Operations = operations;
export type OperationId = keyof operations;
export type Schemas = components['schemas'];
export type Parameters = components['parameters'];

export type Status = Schemas['Status'];
export type StatusChangeRequest = Schemas['StatusChangeRequest'];
export type StatusCode = Schemas['StatusCode'];
export type AssetType = Schemas['AssetType'];
export type FavoriteNumber = Schemas['FavoriteNumber'];
export type FavoriteNumberList = Schemas['FavoriteNumberList'];
export type Offer = Schemas['Offer'];
export type AcquisitionMethod = Schemas['AcquisitionMethod'];
export type OfferList = Schemas['OfferList'];
export type Plan = Schemas['Plan'];
export type PlanList = Schemas['PlanList'];
export type ProductOffering = Schemas['ProductOffering'];
export type NameValuePair = Schemas['NameValuePair'];
export type PhoneLeaseInfo = Schemas['PhoneLeaseInfo'];
export type PlanUpgradeRequest = Schemas['PlanUpgradeRequest'];
export type PlanAdditional = Schemas['PlanAdditional'];
export type AdditionalSubscription = Schemas['AdditionalSubscription'];
export type UsagePerHourResponse = Schemas['UsagePerHourResponse'];
export type UsagePerHourList = Schemas['UsagePerHourList'];
export type UsagePerHourDetail = Schemas['UsagePerHourDetail'];
export type UsagePercentageResponse = Schemas['UsagePercentageResponse'];
export type UsagePercentageList = Schemas['UsagePercentageList'];
export type UsagePercentageDetail = Schemas['UsagePercentageDetail'];
export type UsageError = Schemas['UsageError'];
export type ErrorBody = Schemas['ErrorBody'];
export type SuccessBody = Schemas['SuccessBody'];
export type PlanType = Schemas['PlanType'];
export type UsageResolution = Schemas['UsageResolution'];
export type ByteCount = Schemas['ByteCount'];
