import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SubscriberRef, PayloadRef } from '../refs.ts';
import type { Status, Plan as WirePlan, ProductOffering as WireProductOffering, NameValuePair, SuccessBody, Offer as WireOffer, AcquisitionMethod as WireAcquisitionMethod, FavoriteNumber as WireFavoriteNumber, PhoneLeaseInfo, UsagePerHourResponse, UsagePerHourDetail, UsagePercentageResponse, UsagePercentageDetail } from '../../contract/wire.ts';
import type { Context } from '../../http/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A count of bytes. Counts pass 2^31, so this is not an Int: it is sent as a JSON number, exact up
   * to 2^53 - 1 (8 PiB).
   */
  ByteCount: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD (RFC 3339 full-date). */
  Date: { input: string; output: string; }
  /** An instant with its offset, e.g. 2026-11-26T15:00:00Z (RFC 3339 date-time). */
  DateTime: { input: string; output: string; }
  /**
   * A mobile number in international (E.164) form. Input may carry '+', spaces, dashes, dots or
   * parentheses ("+504 9988-7766"); it is normalised to digits ("50499887766"). Output is digits.
   */
  MSISDN: { input: string; output: string; }
  /**
   * A phone number: a favorite may be a national number (7 or more digits) or an international one.
   * Input may carry '+', spaces, dashes, dots or parentheses; it is normalised to digits.
   */
  PhoneNumber: { input: string; output: string; }
};

export type AcquisitionMethod = {
  __typename?: 'AcquisitionMethod';
  id: Scalars['Float']['output'];
  /** e.g. PREPAID or NEXT_INVOICE. */
  name: Scalars['String']['output'];
};

export type AddFavoriteInput = {
  country?: InputMaybe<Country>;
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  label?: InputMaybe<Scalars['String']['input']>;
  msisdn: Scalars['MSISDN']['input'];
  phoneNumber: Scalars['PhoneNumber']['input'];
  planCode?: InputMaybe<Scalars['String']['input']>;
};

export type AddFavoritePayload = MutationPayload & {
  __typename?: 'AddFavoritePayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type AdditionalSubscriptionInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  currency?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  monthlyAmount?: InputMaybe<Scalars['Float']['input']>;
  planId: Scalars['ID']['input'];
  planName: Scalars['String']['input'];
};

export type AdditionalSubscriptionsInput = {
  category: Scalars['String']['input'];
  country?: InputMaybe<Country>;
  currency: Scalars['String']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  /** Source of the plan, e.g. TigoApp. */
  fromPlan?: InputMaybe<Scalars['String']['input']>;
  monthlyAmount: Scalars['Float']['input'];
  msisdn: Scalars['MSISDN']['input'];
  /** Full name of the customer. */
  name: Scalars['String']['input'];
  planId: Scalars['ID']['input'];
  planName: Scalars['String']['input'];
  subscriptions?: InputMaybe<Array<AdditionalSubscriptionInput>>;
};

export type AppUsageShare = {
  __typename?: 'AppUsageShare';
  appName: Maybe<Scalars['String']['output']>;
  bytes: Maybe<Scalars['ByteCount']['output']>;
  date: Maybe<Scalars['Date']['output']>;
  /** Hour of day, 00 to 23, for HOUR records. */
  hour: Maybe<Scalars['String']['output']>;
  /** Share of the period's traffic, in percent (e.g. 12.5). */
  percentage: Maybe<Scalars['Float']['output']>;
};

/** Asset whose status is reported or changed. */
export type AssetType =
  | 'IMEI'
  | 'SIM'
  | 'SIM_IMEI'
  /** An asset the upstream reported that this schema does not know (its text is in `assetTypeRaw`). Never accepted as input. */
  | 'UNKNOWN';

export type CancelOfferPayload = MutationPayload & {
  __typename?: 'CancelOfferPayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type ChangePlanPayload = MutationPayload & {
  __typename?: 'ChangePlanPayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

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

export type FavoriteNumber = {
  __typename?: 'FavoriteNumber';
  /** When the number stops being a favorite, if ever. */
  expirationDate: Maybe<Scalars['Date']['output']>;
  /** A user-defined label. */
  label: Maybe<Scalars['String']['output']>;
  phoneNumber: Scalars['String']['output'];
  /** Plan code the number was added under. */
  planCode: Maybe<Scalars['String']['output']>;
};

export type HourlyAppUsage = {
  __typename?: 'HourlyAppUsage';
  appName: Maybe<Scalars['String']['output']>;
  bytes: Maybe<Scalars['ByteCount']['output']>;
  date: Maybe<Scalars['Date']['output']>;
  /** Hour of day, 00 to 23. */
  hour: Maybe<Scalars['String']['output']>;
};

export type HourlyUsage = {
  __typename?: 'HourlyUsage';
  /** The upstream's result code, e.g. 0. */
  code: Maybe<Scalars['String']['output']>;
  /** The upstream's result description, e.g. OK. */
  description: Maybe<Scalars['String']['output']>;
  /** When the upstream last updated these figures. */
  lastUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  records: Array<HourlyAppUsage>;
  totalBytes: Maybe<Scalars['ByteCount']['output']>;
};

/** Status of a line: SIM_IMEI when SIM and device share a status, else the asset that is blocked. */
export type LineStatus = {
  __typename?: 'LineStatus';
  assetType: AssetType;
  /** The asset type exactly as the upstream sent it. */
  assetTypeRaw: Scalars['String']['output'];
  code: StatusCode;
  /** The status code exactly as the upstream sent it (it may be alphanumeric, e.g. Suspended). */
  codeRaw: Scalars['String']['output'];
  /** Human-readable status. */
  description: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a favorite number while the line has free slots. */
  addFavorite: AddFavoritePayload;
  /** Removes an offer the line bought. */
  cancelOffer: CancelOfferPayload;
  /** Moves the line to another plan now. */
  changePlan: ChangePlanPayload;
  /** Buys an offer for the line. */
  purchaseOffer: PurchaseOfferPayload;
  /** Removes a favorite number. */
  removeFavorite: RemoveFavoritePayload;
  /** Registers a request for one or more additional subscriptions. */
  requestAdditionalSubscriptions: RequestAdditionalSubscriptionsPayload;
  /** Registers a request for a plan upgrade. */
  requestPlanUpgrade: RequestPlanUpgradePayload;
  /** Blocks or unblocks a line's SIM, device or both, e.g. after a theft. */
  updateStatus: UpdateStatusPayload;
};


export type MutationAddFavoriteArgs = {
  input: AddFavoriteInput;
};


export type MutationCancelOfferArgs = {
  input: OfferInput;
};


export type MutationChangePlanArgs = {
  input: PlanChangeInput;
};


export type MutationPurchaseOfferArgs = {
  input: OfferInput;
};


export type MutationRemoveFavoriteArgs = {
  input: RemoveFavoriteInput;
};


export type MutationRequestAdditionalSubscriptionsArgs = {
  input: AdditionalSubscriptionsInput;
};


export type MutationRequestPlanUpgradeArgs = {
  input: PlanChangeInput;
};


export type MutationUpdateStatusArgs = {
  input: UpdateStatusInput;
};

/** What every mutation answers: the upstream's message and the line, read fresh after the change. */
export type MutationPayload = {
  /** Success message from the platform. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. a request id or ADDED. */
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type NameValue = {
  __typename?: 'NameValue';
  name: Maybe<Scalars['String']['output']>;
  value: Maybe<Scalars['String']['output']>;
};

export type Offer = {
  __typename?: 'Offer';
  /** How the offer can be paid. */
  acquisitionMethods: Array<AcquisitionMethod>;
  amount: Maybe<Scalars['Float']['output']>;
  category: Maybe<Scalars['String']['output']>;
  /** ISO 4217 currency of the amount. */
  currency: Maybe<Scalars['String']['output']>;
  /** Explanation to the user. */
  description: Maybe<Scalars['String']['output']>;
  /** Unique id of the offer, needed to buy it. */
  id: Scalars['ID']['output'];
  /** Short name of the offer. */
  name: Scalars['String']['output'];
  /** Sort order for presentation. */
  rank: Maybe<Scalars['Float']['output']>;
  subCategory: Maybe<Scalars['String']['output']>;
  /** How long or how much the offer is valid for, in validityUnit. */
  validity: Maybe<Scalars['String']['output']>;
  /** Hour, Day, Week, Month, Megabytes, Gigabytes or Slots. */
  validityUnit: Maybe<Scalars['String']['output']>;
};

export type OfferInput = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
  offerId: Scalars['ID']['input'];
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

/** The contract of a leased phone. */
export type PhoneLease = {
  __typename?: 'PhoneLease';
  brand: Maybe<Scalars['String']['output']>;
  /** Legacy identifier of the permanence clause. */
  clauseId: Maybe<Scalars['String']['output']>;
  /** Equipment range. */
  gama: Maybe<Scalars['String']['output']>;
  /** International Mobile Station Equipment Identity. */
  imei: Maybe<Scalars['String']['output']>;
  /** Whether the equipment is insured. */
  insurance: Maybe<Scalars['String']['output']>;
  /** Last billing of the contract with equipment; null when the upstream's value is no date. */
  lastBillingDate: Maybe<Scalars['Date']['output']>;
  model: Maybe<Scalars['String']['output']>;
  /** Next renewal of the contract with equipment; null when the upstream's value is no date. */
  nextRenewalDate: Maybe<Scalars['Date']['output']>;
  status: Maybe<Scalars['String']['output']>;
  /** Type of permanence clause. */
  typeClauseId: Maybe<Scalars['String']['output']>;
};

export type Plan = {
  __typename?: 'Plan';
  /** Main category of the plan. */
  category: Maybe<Scalars['String']['output']>;
  /** ISO 4217 currency of the amounts. */
  currency: Maybe<Scalars['String']['output']>;
  /** Monthly megabytes included. */
  dataMB: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  /** Monthly base amount the customer pays. */
  monthlyAmount: Scalars['Float']['output'];
  /** Short name of the plan. */
  name: Scalars['String']['output'];
  /** Offering details grouped by category. */
  offerings: Array<ProductOffering>;
  /** Sort order for presentation. */
  rank: Maybe<Scalars['Float']['output']>;
  /** Status of the plan, e.g. ACTIVE. */
  status: Maybe<Scalars['String']['output']>;
};

/** The plan asked for in a plan change or an upgrade request. */
export type PlanChangeInput = {
  category?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Country>;
  currency?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Source or id of the OLD plan, e.g. TigoApp. */
  fromPlan?: InputMaybe<Scalars['String']['input']>;
  monthlyAmount?: InputMaybe<Scalars['Float']['input']>;
  msisdn: Scalars['MSISDN']['input'];
  /** Full name of the customer. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Id of the NEW plan. */
  planId: Scalars['ID']['input'];
  planName?: InputMaybe<Scalars['String']['input']>;
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

export type ProductOffering = {
  __typename?: 'ProductOffering';
  category: Maybe<OfferingCategory>;
  /** The category exactly as the upstream sent it. */
  categoryRaw: Maybe<Scalars['String']['output']>;
  details: Array<NameValue>;
  /** Id of that type of offering, e.g. Voz Ilimitado. */
  id: Maybe<Scalars['String']['output']>;
};

export type PurchaseOfferPayload = MutationPayload & {
  __typename?: 'PurchaseOfferPayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type Query = {
  __typename?: 'Query';
  /**
   * A line without first checking that it exists: each field makes its own read and fails on its own
   * (NOT_FOUND for an unknown line). One upstream read fewer than `subscriber` when one resource is
   * wanted; the REST compatibility router reads through it.
   */
  line: Subscriber;
  /** The token's own line (a subscriber token); null for a token that names no line, like an agent's. */
  me: Maybe<Subscriber>;
  /** One line, or null (with one NOT_FOUND error) when the market has no such line. `country` defaults to the gateway's market. */
  subscriber: Maybe<Subscriber>;
  /** Several lines of one market, in the order asked; a line that does not exist is null with its own NOT_FOUND error. The list length is bounded. */
  subscribers: Array<Maybe<Subscriber>>;
};


export type QueryLineArgs = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
};


export type QuerySubscriberArgs = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
};


export type QuerySubscribersArgs = {
  country?: InputMaybe<Country>;
  msisdns: Array<Scalars['MSISDN']['input']>;
};

export type RemoveFavoriteInput = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
  phoneNumber: Scalars['PhoneNumber']['input'];
};

export type RemoveFavoritePayload = MutationPayload & {
  __typename?: 'RemoveFavoritePayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type RequestAdditionalSubscriptionsPayload = MutationPayload & {
  __typename?: 'RequestAdditionalSubscriptionsPayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

export type RequestPlanUpgradePayload = MutationPayload & {
  __typename?: 'RequestPlanUpgradePayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  subscriber: Subscriber;
};

/** Status of a line's asset. */
export type StatusCode =
  | 'ACTIVE'
  | 'BLOCKED'
  /** A status the upstream reported that this schema does not know (its text is in `codeRaw`). Never accepted as input. */
  | 'UNKNOWN';

/** A subscriber's line and everything the Self Care API knows of it. Each field is read when asked for. */
export type Subscriber = {
  __typename?: 'Subscriber';
  /** Catalog plans the line can select, filtered by type; all of the market's catalog without a type. */
  availablePlans: Maybe<Array<Plan>>;
  country: Country;
  /** Favorite numbers of the line. */
  favorites: Maybe<Array<FavoriteNumber>>;
  msisdn: Scalars['MSISDN']['output'];
  /** Offers the line can buy on a channel; 4 (Self Care web and app) by default. */
  offers: Maybe<Array<Offer>>;
  /** The leased phone's contract, or null when the line has none. */
  phoneLease: Maybe<PhoneLease>;
  /** The plan the line is on. */
  plan: Maybe<Plan>;
  /** Plans the line can upgrade to (the same as availablePlans(type: UPGRADES)). */
  planUpgrades: Maybe<Array<Plan>>;
  /** Status of the line's SIM and device. */
  status: Maybe<LineStatus>;
  /** The upgrade request in process, or null when there is none. */
  upgradeRequest: Maybe<UpgradeRequest>;
  /** Data usage by app. */
  usage: Usage;
};


/** A subscriber's line and everything the Self Care API knows of it. Each field is read when asked for. */
export type SubscriberAvailablePlansArgs = {
  type?: InputMaybe<PlanType>;
};


/** A subscriber's line and everything the Self Care API knows of it. Each field is read when asked for. */
export type SubscriberOffersArgs = {
  channelId?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateStatusInput = {
  assetType: AssetType;
  code: StatusCode;
  country?: InputMaybe<Country>;
  /** Customer unique identifier, usually a national id or tax payer number. */
  customerId?: InputMaybe<Scalars['String']['input']>;
  /** What customerId is: national id, tax payer number, passport, ... */
  documentType?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  msisdn: Scalars['MSISDN']['input'];
  /** First name, company name or full name of the customer. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Reason of the change, e.g. a stolen phone. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateStatusPayload = MutationPayload & {
  __typename?: 'UpdateStatusPayload';
  message: Maybe<Scalars['String']['output']>;
  response: Maybe<Scalars['String']['output']>;
  /** The status the upstream reports after the change. */
  status: LineStatus;
  subscriber: Subscriber;
};

/** An upgrade request in process. */
export type UpgradeRequest = {
  __typename?: 'UpgradeRequest';
  message: Maybe<Scalars['String']['output']>;
  /** The platform's status of the request, e.g. PENDING. */
  status: Maybe<Scalars['String']['output']>;
};

/** Data usage of a line. Periods default to the last 24 hours. */
export type Usage = {
  __typename?: 'Usage';
  /** Bytes per hour and app between from and to. */
  hourlyByApp: Maybe<HourlyUsage>;
  /** Each app's share of the traffic of each period (hour or day) between from and to. */
  percentageByApp: Maybe<UsageShares>;
};


/** Data usage of a line. Periods default to the last 24 hours. */
export type UsageHourlyByAppArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Data usage of a line. Periods default to the last 24 hours. */
export type UsagePercentageByAppArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  resolution?: InputMaybe<UsageResolution>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * HOUR: a record per hour and app (the default); DAY: a record per day and app.
 * (The source's text swaps the two; this is the reading the gateway and its upstream share.)
 */
export type UsageResolution =
  | 'DAY'
  | 'HOUR';

export type UsageShares = {
  __typename?: 'UsageShares';
  /** The upstream's result code, e.g. 0. */
  code: Maybe<Scalars['String']['output']>;
  /** The upstream's result description, e.g. OK. */
  description: Maybe<Scalars['String']['output']>;
  lastUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  records: Array<AppUsageShare>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  MutationPayload:
    | ( PayloadRef )
    | ( PayloadRef )
    | ( PayloadRef )
    | ( PayloadRef )
    | ( PayloadRef )
    | ( PayloadRef )
    | ( PayloadRef )
    | ( Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: _RefType['LineStatus'], subscriber: _RefType['Subscriber'] } )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AcquisitionMethod: ResolverTypeWrapper<WireAcquisitionMethod>;
  AddFavoriteInput: AddFavoriteInput;
  AddFavoritePayload: ResolverTypeWrapper<PayloadRef>;
  AdditionalSubscriptionInput: AdditionalSubscriptionInput;
  AdditionalSubscriptionsInput: AdditionalSubscriptionsInput;
  AppUsageShare: ResolverTypeWrapper<UsagePercentageDetail>;
  AssetType: AssetType;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ByteCount: ResolverTypeWrapper<Scalars['ByteCount']['output']>;
  CancelOfferPayload: ResolverTypeWrapper<PayloadRef>;
  ChangePlanPayload: ResolverTypeWrapper<PayloadRef>;
  Country: Country;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FavoriteNumber: ResolverTypeWrapper<WireFavoriteNumber>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HourlyAppUsage: ResolverTypeWrapper<UsagePerHourDetail>;
  HourlyUsage: ResolverTypeWrapper<UsagePerHourResponse>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LineStatus: ResolverTypeWrapper<Status>;
  MSISDN: ResolverTypeWrapper<Scalars['MSISDN']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MutationPayload: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['MutationPayload']>;
  NameValue: ResolverTypeWrapper<NameValuePair>;
  Offer: ResolverTypeWrapper<WireOffer>;
  OfferInput: OfferInput;
  OfferingCategory: OfferingCategory;
  PhoneLease: ResolverTypeWrapper<PhoneLeaseInfo>;
  PhoneNumber: ResolverTypeWrapper<Scalars['PhoneNumber']['output']>;
  Plan: ResolverTypeWrapper<WirePlan>;
  PlanChangeInput: PlanChangeInput;
  PlanType: PlanType;
  ProductOffering: ResolverTypeWrapper<WireProductOffering>;
  PurchaseOfferPayload: ResolverTypeWrapper<PayloadRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RemoveFavoriteInput: RemoveFavoriteInput;
  RemoveFavoritePayload: ResolverTypeWrapper<PayloadRef>;
  RequestAdditionalSubscriptionsPayload: ResolverTypeWrapper<PayloadRef>;
  RequestPlanUpgradePayload: ResolverTypeWrapper<PayloadRef>;
  StatusCode: StatusCode;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscriber: ResolverTypeWrapper<SubscriberRef>;
  UpdateStatusInput: UpdateStatusInput;
  UpdateStatusPayload: ResolverTypeWrapper<Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: ResolversTypes['LineStatus'], subscriber: ResolversTypes['Subscriber'] }>;
  UpgradeRequest: ResolverTypeWrapper<SuccessBody>;
  Usage: ResolverTypeWrapper<SubscriberRef>;
  UsageResolution: UsageResolution;
  UsageShares: ResolverTypeWrapper<UsagePercentageResponse>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AcquisitionMethod: WireAcquisitionMethod;
  AddFavoriteInput: AddFavoriteInput;
  AddFavoritePayload: PayloadRef;
  AdditionalSubscriptionInput: AdditionalSubscriptionInput;
  AdditionalSubscriptionsInput: AdditionalSubscriptionsInput;
  AppUsageShare: UsagePercentageDetail;
  Boolean: Scalars['Boolean']['output'];
  ByteCount: Scalars['ByteCount']['output'];
  CancelOfferPayload: PayloadRef;
  ChangePlanPayload: PayloadRef;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  FavoriteNumber: WireFavoriteNumber;
  Float: Scalars['Float']['output'];
  HourlyAppUsage: UsagePerHourDetail;
  HourlyUsage: UsagePerHourResponse;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LineStatus: Status;
  MSISDN: Scalars['MSISDN']['output'];
  Mutation: Record<PropertyKey, never>;
  MutationPayload: ResolversInterfaceTypes<ResolversParentTypes>['MutationPayload'];
  NameValue: NameValuePair;
  Offer: WireOffer;
  OfferInput: OfferInput;
  PhoneLease: PhoneLeaseInfo;
  PhoneNumber: Scalars['PhoneNumber']['output'];
  Plan: WirePlan;
  PlanChangeInput: PlanChangeInput;
  ProductOffering: WireProductOffering;
  PurchaseOfferPayload: PayloadRef;
  Query: Record<PropertyKey, never>;
  RemoveFavoriteInput: RemoveFavoriteInput;
  RemoveFavoritePayload: PayloadRef;
  RequestAdditionalSubscriptionsPayload: PayloadRef;
  RequestPlanUpgradePayload: PayloadRef;
  String: Scalars['String']['output'];
  Subscriber: SubscriberRef;
  UpdateStatusInput: UpdateStatusInput;
  UpdateStatusPayload: Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: ResolversParentTypes['LineStatus'], subscriber: ResolversParentTypes['Subscriber'] };
  UpgradeRequest: SuccessBody;
  Usage: SubscriberRef;
  UsageShares: UsagePercentageResponse;
};

export type AcquisitionMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcquisitionMethod'] = ResolversParentTypes['AcquisitionMethod']> = {
  id?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AddFavoritePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddFavoritePayload'] = ResolversParentTypes['AddFavoritePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AppUsageShareResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppUsageShare'] = ResolversParentTypes['AppUsageShare']> = {
  appName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bytes?: Resolver<Maybe<ResolversTypes['ByteCount']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  hour?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  percentage?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export interface ByteCountScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['ByteCount'], any> {
  name: 'ByteCount';
}

export type CancelOfferPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CancelOfferPayload'] = ResolversParentTypes['CancelOfferPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChangePlanPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangePlanPayload'] = ResolversParentTypes['ChangePlanPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FavoriteNumberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FavoriteNumber'] = ResolversParentTypes['FavoriteNumber']> = {
  expirationDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phoneNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HourlyAppUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HourlyAppUsage'] = ResolversParentTypes['HourlyAppUsage']> = {
  appName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bytes?: Resolver<Maybe<ResolversTypes['ByteCount']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  hour?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HourlyUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['HourlyUsage'] = ResolversParentTypes['HourlyUsage']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['HourlyAppUsage']>, ParentType, ContextType>;
  totalBytes?: Resolver<Maybe<ResolversTypes['ByteCount']>, ParentType, ContextType>;
};

export type LineStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LineStatus'] = ResolversParentTypes['LineStatus']> = {
  assetType?: Resolver<ResolversTypes['AssetType'], ParentType, ContextType>;
  assetTypeRaw?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['StatusCode'], ParentType, ContextType>;
  codeRaw?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface MsisdnScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MSISDN'], any> {
  name: 'MSISDN';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addFavorite?: Resolver<ResolversTypes['AddFavoritePayload'], ParentType, ContextType, RequireFields<MutationAddFavoriteArgs, 'input'>>;
  cancelOffer?: Resolver<ResolversTypes['CancelOfferPayload'], ParentType, ContextType, RequireFields<MutationCancelOfferArgs, 'input'>>;
  changePlan?: Resolver<ResolversTypes['ChangePlanPayload'], ParentType, ContextType, RequireFields<MutationChangePlanArgs, 'input'>>;
  purchaseOffer?: Resolver<ResolversTypes['PurchaseOfferPayload'], ParentType, ContextType, RequireFields<MutationPurchaseOfferArgs, 'input'>>;
  removeFavorite?: Resolver<ResolversTypes['RemoveFavoritePayload'], ParentType, ContextType, RequireFields<MutationRemoveFavoriteArgs, 'input'>>;
  requestAdditionalSubscriptions?: Resolver<ResolversTypes['RequestAdditionalSubscriptionsPayload'], ParentType, ContextType, RequireFields<MutationRequestAdditionalSubscriptionsArgs, 'input'>>;
  requestPlanUpgrade?: Resolver<ResolversTypes['RequestPlanUpgradePayload'], ParentType, ContextType, RequireFields<MutationRequestPlanUpgradeArgs, 'input'>>;
  updateStatus?: Resolver<ResolversTypes['UpdateStatusPayload'], ParentType, ContextType, RequireFields<MutationUpdateStatusArgs, 'input'>>;
};

export type MutationPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MutationPayload'] = ResolversParentTypes['MutationPayload']> = {
  __resolveType: TypeResolveFn<'AddFavoritePayload' | 'CancelOfferPayload' | 'ChangePlanPayload' | 'PurchaseOfferPayload' | 'RemoveFavoritePayload' | 'RequestAdditionalSubscriptionsPayload' | 'RequestPlanUpgradePayload' | 'UpdateStatusPayload', ParentType, ContextType>;
};

export type NameValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NameValue'] = ResolversParentTypes['NameValue']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type OfferResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Offer'] = ResolversParentTypes['Offer']> = {
  acquisitionMethods?: Resolver<Array<ResolversTypes['AcquisitionMethod']>, ParentType, ContextType>;
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subCategory?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validityUnit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PhoneLeaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PhoneLease'] = ResolversParentTypes['PhoneLease']> = {
  brand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clauseId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gama?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  imei?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  insurance?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastBillingDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextRenewalDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  typeClauseId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PhoneNumberScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['PhoneNumber'], any> {
  name: 'PhoneNumber';
}

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = {
  category?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataMB?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  monthlyAmount?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offerings?: Resolver<Array<ResolversTypes['ProductOffering']>, ParentType, ContextType>;
  rank?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProductOfferingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductOffering'] = ResolversParentTypes['ProductOffering']> = {
  category?: Resolver<Maybe<ResolversTypes['OfferingCategory']>, ParentType, ContextType>;
  categoryRaw?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  details?: Resolver<Array<ResolversTypes['NameValue']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PurchaseOfferPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PurchaseOfferPayload'] = ResolversParentTypes['PurchaseOfferPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  line?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType, RequireFields<QueryLineArgs, 'msisdn'>>;
  me?: Resolver<Maybe<ResolversTypes['Subscriber']>, ParentType, ContextType>;
  subscriber?: Resolver<Maybe<ResolversTypes['Subscriber']>, ParentType, ContextType, RequireFields<QuerySubscriberArgs, 'msisdn'>>;
  subscribers?: Resolver<Array<Maybe<ResolversTypes['Subscriber']>>, ParentType, ContextType, RequireFields<QuerySubscribersArgs, 'msisdns'>>;
};

export type RemoveFavoritePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveFavoritePayload'] = ResolversParentTypes['RemoveFavoritePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RequestAdditionalSubscriptionsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestAdditionalSubscriptionsPayload'] = ResolversParentTypes['RequestAdditionalSubscriptionsPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RequestPlanUpgradePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestPlanUpgradePayload'] = ResolversParentTypes['RequestPlanUpgradePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscriberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscriber'] = ResolversParentTypes['Subscriber']> = {
  availablePlans?: Resolver<Maybe<Array<ResolversTypes['Plan']>>, ParentType, ContextType, Partial<SubscriberAvailablePlansArgs>>;
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  favorites?: Resolver<Maybe<Array<ResolversTypes['FavoriteNumber']>>, ParentType, ContextType>;
  msisdn?: Resolver<ResolversTypes['MSISDN'], ParentType, ContextType>;
  offers?: Resolver<Maybe<Array<ResolversTypes['Offer']>>, ParentType, ContextType, RequireFields<SubscriberOffersArgs, 'channelId'>>;
  phoneLease?: Resolver<Maybe<ResolversTypes['PhoneLease']>, ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  planUpgrades?: Resolver<Maybe<Array<ResolversTypes['Plan']>>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['LineStatus']>, ParentType, ContextType>;
  upgradeRequest?: Resolver<Maybe<ResolversTypes['UpgradeRequest']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['Usage'], ParentType, ContextType>;
};

export type UpdateStatusPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpdateStatusPayload'] = ResolversParentTypes['UpdateStatusPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LineStatus'], ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UpgradeRequestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UpgradeRequest'] = ResolversParentTypes['UpgradeRequest']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type UsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Usage'] = ResolversParentTypes['Usage']> = {
  hourlyByApp?: Resolver<Maybe<ResolversTypes['HourlyUsage']>, ParentType, ContextType, Partial<UsageHourlyByAppArgs>>;
  percentageByApp?: Resolver<Maybe<ResolversTypes['UsageShares']>, ParentType, ContextType, RequireFields<UsagePercentageByAppArgs, 'resolution'>>;
};

export type UsageSharesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageShares'] = ResolversParentTypes['UsageShares']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUpdatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['AppUsageShare']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AcquisitionMethod?: AcquisitionMethodResolvers<ContextType>;
  AddFavoritePayload?: AddFavoritePayloadResolvers<ContextType>;
  AppUsageShare?: AppUsageShareResolvers<ContextType>;
  ByteCount?: GraphQLScalarType;
  CancelOfferPayload?: CancelOfferPayloadResolvers<ContextType>;
  ChangePlanPayload?: ChangePlanPayloadResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  FavoriteNumber?: FavoriteNumberResolvers<ContextType>;
  HourlyAppUsage?: HourlyAppUsageResolvers<ContextType>;
  HourlyUsage?: HourlyUsageResolvers<ContextType>;
  LineStatus?: LineStatusResolvers<ContextType>;
  MSISDN?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  MutationPayload?: MutationPayloadResolvers<ContextType>;
  NameValue?: NameValueResolvers<ContextType>;
  Offer?: OfferResolvers<ContextType>;
  PhoneLease?: PhoneLeaseResolvers<ContextType>;
  PhoneNumber?: GraphQLScalarType;
  Plan?: PlanResolvers<ContextType>;
  ProductOffering?: ProductOfferingResolvers<ContextType>;
  PurchaseOfferPayload?: PurchaseOfferPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RemoveFavoritePayload?: RemoveFavoritePayloadResolvers<ContextType>;
  RequestAdditionalSubscriptionsPayload?: RequestAdditionalSubscriptionsPayloadResolvers<ContextType>;
  RequestPlanUpgradePayload?: RequestPlanUpgradePayloadResolvers<ContextType>;
  Subscriber?: SubscriberResolvers<ContextType>;
  UpdateStatusPayload?: UpdateStatusPayloadResolvers<ContextType>;
  UpgradeRequest?: UpgradeRequestResolvers<ContextType>;
  Usage?: UsageResolvers<ContextType>;
  UsageShares?: UsageSharesResolvers<ContextType>;
};

