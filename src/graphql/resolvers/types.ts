// Wire objects (the upstream's casing) to GraphQL fields (camelCase). Fields whose names already
// match are left to the default resolver.
import type { Resolvers } from '../__generated__/resolvers.ts';
import { globalId } from '../ids.ts';

type Upper<T extends string> = Uppercase<T>;
const upper = <T extends string>(value: T): Upper<T> => value.toUpperCase() as Upper<T>;

export const typeResolvers: Resolvers = {
  LineStatus: {
    code: (s) => upper(s.code) as 'ACTIVE' | 'BLOCKED',
    assetType: (s) => s.assetType as 'SIM' | 'IMEI' | 'SIM_IMEI',
    description: (s) => s.description ?? null,
  },
  Plan: {
    id: (p) => globalId(p.market, p.planId),
    name: (p) => p.planName,
    monthlyAmount: (p) => p.monthlyAmount,
    currency: (p) => p.currencyId ?? null,
    dataMB: (p) => p.planDataInMB ?? null,
    status: (p) => p.status ?? null,
    category: (p) => p.CategoryName ?? null,
    rank: (p) => p.Rank ?? null,
    offerings: (p) => p.productOfferingList ?? [],
  },
  ProductOffering: {
    category: (o) => (o.offeringCategory ? upper(o.offeringCategory) : null),
    id: (o) => o.offeringId ?? null,
    details: (o) => o.offeringDetailList ?? [],
  },
  Offer: {
    id: (o) => globalId(o.market, o.OfferId),
    offerId: (o) => o.OfferId,
    name: (o) => o.OfferName,
    description: (o) => o.Description ?? null,
    validity: (o) => o.Validity ?? null,
    validityUnit: (o) => o.ValidityUnit ?? null,
    category: (o) => o.CategoryName ?? null,
    subCategory: (o) => o.SubCategoryName ?? null,
    rank: (o) => o.Rank ?? null,
    amount: (o) => o.amount ?? null,
    currency: (o) => o.currencyId ?? null,
    acquisitionMethods: (o) => o.AcquisitionMethodList ?? [],
  },
  AcquisitionMethod: {
    id: (m) => m.AcquisitionMethodId,
    name: (m) => m.AcquisitionMethodName,
  },
  FavoriteNumber: {
    phoneNumber: (f) => f.PhoneNumber,
    expirationDate: (f) => f.ExpirationDate ?? null,
    label: (f) => f.Label ?? null,
    planCode: (f) => f.PlanCode ?? null,
  },
  UpgradeRequest: {
    status: (r) => r.response ?? null,
    message: (r) => r.message ?? null,
  },
  HourlyUsage: {
    code: (u) => u.code ?? null,
    description: (u) => u.description ?? null,
    totalBytes: (u) => u.totalVolumeBytes ?? null,
    lastUpdatedAt: (u) => u.lastUpdatedAt ?? null,
    records: (u) => u.trafficDetails ?? [],
  },
  HourlyAppUsage: {
    bytes: (r) => r.trafficVolumeBytes ?? null,
  },
  UsageShares: {
    code: (u) => u.code ?? null,
    description: (u) => u.description ?? null,
    lastUpdatedAt: (u) => u.lastUpdatedAt ?? null,
    records: (u) => u.trafficDetails ?? [],
  },
  AppUsageShare: {
    percentage: (r) => (r.percentage === undefined ? null : Number(r.percentage)),
    bytes: (r) => r.trafficVolumeBytes ?? null,
  },
};
