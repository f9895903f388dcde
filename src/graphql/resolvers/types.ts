// Wire objects (the upstream's casing) to GraphQL fields (camelCase), read as the ORIGINAL contract
// allows (src/graphql/reading.ts): open vocabularies answer UNKNOWN beside their raw text, numbers
// may come as strings, unreadable dates are null. Fields whose names already match are left to the
// default resolver.
import type { Resolvers } from '../__generated__/resolvers.ts';
import { globalId } from '../ids.ts';
import { marketOf, openEnum, readByteCount, readDate, readDateTime, readNumber } from '../reading.ts';

const STATUS_CODES = ['ACTIVE', 'BLOCKED'] as const;
const ASSET_TYPES = ['SIM', 'IMEI', 'SIM_IMEI'] as const;
const OFFERING_CATEGORIES = ['VOICE', 'DATA', 'SMS', 'BUNDLE', 'OTHER'] as const;

export const typeResolvers: Resolvers = {
  LineStatus: {
    code: (s) => openEnum(STATUS_CODES, s.code),
    codeRaw: (s) => s.code,
    assetType: (s) => openEnum(ASSET_TYPES, s.assetType),
    assetTypeRaw: (s) => s.assetType,
    description: (s) => s.description ?? null,
  },
  Plan: {
    id: (p) => globalId(p.market, p.planId),
    name: (p) => p.planName,
    // Required numbers: the original contract's check let through only numbers and numeric strings.
    monthlyAmount: (p) => readNumber(p.monthlyAmount) as number,
    currency: (p) => p.currencyId ?? null,
    dataMB: (p) => readNumber(p.planDataInMB),
    status: (p) => p.status ?? null,
    category: (p) => p.CategoryName ?? null,
    rank: (p) => readNumber(p.Rank),
    offerings: (p) => p.productOfferingList ?? [],
  },
  ProductOffering: {
    category: (o) =>
      o.offeringCategory === undefined ? null : openEnum(OFFERING_CATEGORIES, o.offeringCategory),
    categoryRaw: (o) => o.offeringCategory ?? null,
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
    rank: (o) => readNumber(o.Rank),
    amount: (o) => readNumber(o.amount),
    currency: (o) => o.currencyId ?? null,
    acquisitionMethods: (o) => o.AcquisitionMethodList ?? [],
  },
  AcquisitionMethod: {
    id: (m) => readNumber(m.AcquisitionMethodId) as number,
    name: (m) => m.AcquisitionMethodName,
  },
  FavoriteNumber: {
    phoneNumber: (f) => f.PhoneNumber,
    expirationDate: (f) => readDate(f.ExpirationDate),
    label: (f) => f.Label ?? null,
    planCode: (f) => f.PlanCode ?? null,
  },
  UpgradeRequest: {
    status: (r) => r.response ?? null,
    message: (r) => r.message ?? null,
  },
  PhoneLease: {
    lastBillingDate: (l) => readDate(l.lastBillingDate),
    nextRenewalDate: (l) => readDate(l.nextRenewalDate),
  },
  HourlyUsage: {
    code: (u) => u.code ?? null,
    description: (u) => u.description ?? null,
    totalBytes: (u) => readByteCount(u.totalVolumeBytes),
    lastUpdatedAt: (u) => readDateTime(u.lastUpdatedAt, marketOf(u)),
    records: (u) => u.trafficDetails ?? [],
  },
  HourlyAppUsage: {
    date: (r) => readDate(r.date),
    bytes: (r) => readByteCount(r.trafficVolumeBytes),
  },
  UsageShares: {
    code: (u) => u.code ?? null,
    description: (u) => u.description ?? null,
    lastUpdatedAt: (u) => readDateTime(u.lastUpdatedAt, marketOf(u)),
    records: (u) => u.trafficDetails ?? [],
  },
  AppUsageShare: {
    date: (r) => readDate(r.date),
    percentage: (r) => readNumber(r.percentage),
    bytes: (r) => readByteCount(r.trafficVolumeBytes),
  },
};
