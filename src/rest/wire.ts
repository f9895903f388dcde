// GraphQL answers back to the upstream's wire shapes (the contract's names and casing), for the
// REST compatibility router. The inverse of src/graphql/resolvers/types.ts.
import type {
  FavoriteNumber,
  Offer,
  PhoneLeaseInfo,
  Plan,
  Status,
  SuccessBody,
  UsagePercentageResponse,
  UsagePerHourResponse,
} from '../contract/wire.ts';

type Obj = Record<string, unknown>;

/** Drops null and undefined fields: the contract's optional fields are absent, never null. */
export function compact<T>(value: Obj): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const capitalised = (code: string) => code.charAt(0) + code.slice(1).toLowerCase();
const lower = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);
const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);

export const toStatus = (s: Obj): Status =>
  compact({ code: capitalised(String(s.code)), description: s.description, assetType: s.assetType });

export const toPlan = (p: Obj): Plan =>
  compact({
    planId: p.planId,
    planName: p.name,
    monthlyAmount: p.monthlyAmount,
    planDataInMB: p.dataMB,
    currencyId: p.currency,
    status: p.status,
    CategoryName: p.category,
    Rank: p.rank,
    productOfferingList: list(p.offerings).map((o) =>
      compact({
        offeringCategory: lower(o.category),
        offeringId: o.id,
        offeringDetailList: list(o.details).map((d) => compact({ name: d.name, value: d.value })),
      }),
    ),
  });

export const toOffer = (o: Obj): Offer =>
  compact({
    OfferId: o.offerId,
    OfferName: o.name,
    Description: o.description,
    Validity: o.validity,
    ValidityUnit: o.validityUnit,
    CategoryName: o.category,
    SubCategoryName: o.subCategory,
    Rank: o.rank,
    amount: o.amount,
    currencyId: o.currency,
    AcquisitionMethodList: list(o.acquisitionMethods).map((m) => ({
      AcquisitionMethodId: m.id,
      AcquisitionMethodName: m.name,
    })),
  });

export const toFavorite = (f: Obj): FavoriteNumber =>
  compact({
    PhoneNumber: f.phoneNumber,
    ExpirationDate: f.expirationDate,
    Label: f.label,
    PlanCode: f.planCode,
  });

export const toLease = (l: Obj): PhoneLeaseInfo => compact(l);

export const toSuccess = (p: Obj): SuccessBody => compact({ response: p.response, message: p.message });

export const toHourly = (u: Obj): UsagePerHourResponse =>
  compact({
    code: u.code,
    description: u.description,
    totalVolumeBytes: u.totalBytes,
    lastUpdatedAt: u.lastUpdatedAt,
    trafficDetails: list(u.records).map((r) =>
      compact({ date: r.date, hour: r.hour, appName: r.appName, trafficVolumeBytes: r.bytes }),
    ),
  });

export const toShares = (u: Obj): UsagePercentageResponse =>
  compact({
    code: u.code,
    description: u.description,
    lastUpdatedAt: u.lastUpdatedAt,
    trafficDetails: list(u.records).map((r) =>
      compact({
        date: r.date,
        hour: r.hour,
        percentage: typeof r.percentage === 'number' ? r.percentage.toFixed(2) : undefined,
        appName: r.appName,
        trafficVolumeBytes: r.bytes,
      }),
    ),
  });
