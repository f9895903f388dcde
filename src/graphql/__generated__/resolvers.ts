import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SubscriberRef } from '../../shared/line.ts';
import type { Status, ProductOffering as WireProductOffering, NameValuePair, SuccessBody, AcquisitionMethod as WireAcquisitionMethod, FavoriteNumber as WireFavoriteNumber, PhoneLeaseInfo, UsagePerHourResponse, UsagePerHourDetail, UsagePercentageResponse, UsagePercentageDetail } from '../../contract/wire.ts';
import type { PlanRef, OfferRef } from '../refs.ts';
import type { Context } from '../context.ts';
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

/** A way to pay for an offer. */
export type AcquisitionMethod = {
  __typename?: 'AcquisitionMethod';
  /** Unique id of the acquisition method. */
  id: Scalars['Float']['output'];
  /** e.g. PREPAID or NEXT_INVOICE. */
  name: Scalars['String']['output'];
};

/** A favorite number to add to a line. */
export type AddFavoriteInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** Optional date on which the number stops being a favorite. */
  expirationDate?: InputMaybe<Scalars['Date']['input']>;
  /** Optional description or user-defined label of the number. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** The line that gains the favorite; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** Phone number that is considered a favorite number; or phoneNumberAsWritten. */
  phoneNumber?: InputMaybe<Scalars['PhoneNumber']['input']>;
  /**
   * The number exactly as written, instead of `phoneNumber` (one of the two): not normalised or checked,
   * sent as it is (the REST router's pass-through; also reaches a favorite stored in another form).
   */
  phoneNumberAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** Optional plan code or number to which the number is added. */
  planCode?: InputMaybe<Scalars['String']['input']>;
};

/** The answer to addFavorite: the line with its favorites, or why the operator refused (e.g. LIMIT_REACHED). */
export type AddFavoritePayload = MutationPayload & {
  __typename?: 'AddFavoritePayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. ADDED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** One more subscription of a request for additional subscriptions. */
export type AdditionalSubscriptionInput = {
  /** The name of the main category of the plan. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** ISO 4217 currency of the amount. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Email of the customer. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Monthly base amount the customer pays for the plan. */
  monthlyAmount?: InputMaybe<Scalars['Float']['input']>;
  /** Id of the plan of the subscription: its `planId` or its `id` (of the line's market). */
  planId: Scalars['ID']['input'];
  /** Short name of the plan. */
  planName: Scalars['String']['input'];
};

/** A request for one or more additional subscriptions (more lines) of a customer. */
export type AdditionalSubscriptionsInput = {
  /** The name of the main category of the plan. */
  category: Scalars['String']['input'];
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** ISO 4217 currency of the amount. */
  currency: Scalars['String']['input'];
  /** Email of the customer. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Source of the plan, e.g. TigoApp. */
  fromPlan?: InputMaybe<Scalars['String']['input']>;
  /** Monthly base amount the customer pays for the plan. */
  monthlyAmount: Scalars['Float']['input'];
  /** The line that asks; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** Full name of the customer. */
  name: Scalars['String']['input'];
  /** Id of the plan of the first additional line: its `planId` or its `id` (of the line's market). */
  planId: Scalars['ID']['input'];
  /** Short name of the plan. */
  planName: Scalars['String']['input'];
  /** Further subscriptions of the same request. */
  subscriptions?: InputMaybe<Array<AdditionalSubscriptionInput>>;
};

/** An app's share of the traffic of one period. */
export type AppUsageShare = {
  __typename?: 'AppUsageShare';
  /** The app or protocol, e.g. YouTube. */
  appName: Maybe<Scalars['String']['output']>;
  /** Bytes the app used in the period. */
  bytes: Maybe<Scalars['ByteCount']['output']>;
  /** Day of the record. */
  date: Maybe<Scalars['Date']['output']>;
  /** Hour of day, 00 to 23, for HOUR records. */
  hour: Maybe<Scalars['String']['output']>;
  /** Share of the period's traffic, in percent (e.g. 12.5). */
  percentage: Maybe<Scalars['Float']['output']>;
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

/** The answer to cancelOffer: the line, or why the operator refused. */
export type CancelOfferPayload = MutationPayload & {
  __typename?: 'CancelOfferPayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. DELETED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** The answer to changePlan: the line on its new plan, or why the operator refused (e.g. LINE_BLOCKED). */
export type ChangePlanPayload = MutationPayload & {
  __typename?: 'ChangePlanPayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. UPDATED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

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

/** A phone number the line calls or messages at a favorite rate. */
export type FavoriteNumber = {
  __typename?: 'FavoriteNumber';
  /** When the number stops being a favorite, if ever. */
  expirationDate: Maybe<Scalars['Date']['output']>;
  /** A user-defined label. */
  label: Maybe<Scalars['String']['output']>;
  /** Phone number that is considered a favorite number. */
  phoneNumber: Scalars['String']['output'];
  /** Plan code the number was added under. */
  planCode: Maybe<Scalars['String']['output']>;
};

/** Bytes an app used in one hour. */
export type HourlyAppUsage = {
  __typename?: 'HourlyAppUsage';
  /** The app or protocol, e.g. YouTube. */
  appName: Maybe<Scalars['String']['output']>;
  /** Bytes the app used in the hour. */
  bytes: Maybe<Scalars['ByteCount']['output']>;
  /** Day of the record. */
  date: Maybe<Scalars['Date']['output']>;
  /** Hour of day, 00 to 23. */
  hour: Maybe<Scalars['String']['output']>;
};

/** Bytes a line used per hour and app in a period. */
export type HourlyUsage = {
  __typename?: 'HourlyUsage';
  /** The upstream's result code, e.g. 0. */
  code: Maybe<Scalars['String']['output']>;
  /** The upstream's result description, e.g. OK. */
  description: Maybe<Scalars['String']['output']>;
  /** When the upstream last updated these figures. */
  lastUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  /** A record per hour and app. */
  records: Array<HourlyAppUsage>;
  /** Bytes used in the whole period. */
  totalBytes: Maybe<Scalars['ByteCount']['output']>;
};

/** Status of a line: SIM_IMEI when SIM and device share a status, else the asset that is blocked. */
export type LineStatus = {
  __typename?: 'LineStatus';
  /** The asset whose status this is. */
  assetType: AssetType;
  /** The asset type exactly as the upstream sent it. */
  assetTypeRaw: Scalars['String']['output'];
  /** Whether the asset is active or blocked. */
  code: StatusCode;
  /** The status code exactly as the upstream sent it (it may be alphanumeric, e.g. Suspended). */
  codeRaw: Scalars['String']['output'];
  /** Human-readable status. */
  description: Maybe<Scalars['String']['output']>;
};

/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
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


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationAddFavoriteArgs = {
  input: AddFavoriteInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationCancelOfferArgs = {
  input: OfferInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationChangePlanArgs = {
  input: PlanChangeInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationPurchaseOfferArgs = {
  input: OfferInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationRemoveFavoriteArgs = {
  input: RemoveFavoriteInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationRequestAdditionalSubscriptionsArgs = {
  input: AdditionalSubscriptionsInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationRequestPlanUpgradeArgs = {
  input: PlanChangeInput;
};


/**
 * The writes, one per write operation of the Self Care API. Each answers a payload with `userErrors`:
 * the operator's business refusals (not eligible, limit reached, ...) come there as data, not as errors.
 */
export type MutationUpdateStatusArgs = {
  input: UpdateStatusInput;
};

/**
 * What every mutation answers: the upstream's answer, the operator's refusals as data, and the line,
 * read fresh after the change. When `userErrors` is not empty nothing changed: `response` and
 * `message` are null and `subscriber` is the line as it is.
 */
export type MutationPayload = {
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. a request id or ADDED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request (business answers a client can act on); empty on success. */
  userErrors: Array<UserError>;
};

/** A detail of an offering: a name and its value. */
export type NameValue = {
  __typename?: 'NameValue';
  /** The name of the detail, e.g. Minutos. */
  name: Maybe<Scalars['String']['output']>;
  /** The value of the detail, e.g. Ilimitado. */
  value: Maybe<Scalars['String']['output']>;
};

/** An offer (a package, a bundle) a line can buy. */
export type Offer = {
  __typename?: 'Offer';
  /** How the offer can be paid. */
  acquisitionMethods: Array<AcquisitionMethod>;
  /** Price of the offer, in currency. */
  amount: Maybe<Scalars['Float']['output']>;
  /** The name of the main category of the offer. */
  category: Maybe<Scalars['String']['output']>;
  /** ISO 4217 currency of the amount. */
  currency: Maybe<Scalars['String']['output']>;
  /** Explanation to the user. */
  description: Maybe<Scalars['String']['output']>;
  /**
   * Stable id of the offer, unique across markets, for clients' normalized caches: the market and
   * the upstream's offer id, e.g. `hn:104`. The upstream's ids repeat from one market to the next.
   */
  id: Scalars['ID']['output'];
  /** Short name of the offer. */
  name: Scalars['String']['output'];
  /** The upstream's unique id of the offer within its market, needed to buy it (OfferInput.offerId). */
  offerId: Scalars['ID']['output'];
  /** Sort order for presentation. */
  rank: Maybe<Scalars['Float']['output']>;
  /** The name of the secondary category of the offer. */
  subCategory: Maybe<Scalars['String']['output']>;
  /** How long or how much the offer is valid for, in validityUnit. */
  validity: Maybe<Scalars['String']['output']>;
  /** Hour, Day, Week, Month, Megabytes, Gigabytes or Slots. */
  validityUnit: Maybe<Scalars['String']['output']>;
};

/** An offer of a line, to buy or to cancel. */
export type OfferInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** The line that buys or cancels the offer; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** The offer: its `offerId` (e.g. 104) or its `id` (e.g. hn:104, of the line's market). */
  offerId: Scalars['ID']['input'];
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

/** The contract of a leased phone. */
export type PhoneLease = {
  __typename?: 'PhoneLease';
  /** Equipment brand. */
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
  /** Equipment model. */
  model: Maybe<Scalars['String']['output']>;
  /** Next renewal of the contract with equipment; null when the upstream's value is no date. */
  nextRenewalDate: Maybe<Scalars['Date']['output']>;
  /** Status of the lease (comodato), e.g. ACTIVE. */
  status: Maybe<Scalars['String']['output']>;
  /** Type of permanence clause. */
  typeClauseId: Maybe<Scalars['String']['output']>;
};

/** A plan of a market's catalog. */
export type Plan = {
  __typename?: 'Plan';
  /** Main category of the plan. */
  category: Maybe<Scalars['String']['output']>;
  /** ISO 4217 currency of the amounts. */
  currency: Maybe<Scalars['String']['output']>;
  /** Monthly megabytes included. */
  dataMB: Maybe<Scalars['Float']['output']>;
  /**
   * Stable id of the plan, unique across markets, for clients' normalized caches: the market and the
   * upstream's plan id, e.g. `hn:803`. The upstream's ids repeat from one market to the next.
   */
  id: Scalars['ID']['output'];
  /** Monthly base amount the customer pays. */
  monthlyAmount: Scalars['Float']['output'];
  /** Short name of the plan. */
  name: Scalars['String']['output'];
  /** Offering details grouped by category. */
  offerings: Array<ProductOffering>;
  /** The upstream's unique id of the plan within its market (PlanChangeInput.planId). */
  planId: Scalars['ID']['output'];
  /** Sort order for presentation. */
  rank: Maybe<Scalars['Float']['output']>;
  /** Status of the plan, e.g. ACTIVE; may help build the UX. */
  status: Maybe<Scalars['String']['output']>;
};

/** The plan asked for in a plan change or an upgrade request. */
export type PlanChangeInput = {
  /** The name of the main category of the NEW plan. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** ISO 4217 currency of the amount. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** Email of the customer. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Source or id of the OLD plan, e.g. TigoApp. */
  fromPlan?: InputMaybe<Scalars['String']['input']>;
  /** Monthly base amount the customer pays for the NEW plan. */
  monthlyAmount?: InputMaybe<Scalars['Float']['input']>;
  /** The line whose plan changes; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** Full name of the customer. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Id of the NEW plan: its `planId` (e.g. 803) or its `id` (e.g. hn:803, of the line's market). */
  planId: Scalars['ID']['input'];
  /** Short name of the NEW plan. */
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

/** What a plan includes of one category, e.g. its voice minutes. */
export type ProductOffering = {
  __typename?: 'ProductOffering';
  /** The category that defines the type of offering. */
  category: Maybe<OfferingCategory>;
  /** The category exactly as the upstream sent it. */
  categoryRaw: Maybe<Scalars['String']['output']>;
  /** The offering's details, as name and value pairs. */
  details: Array<NameValue>;
  /** Id of that type of offering, e.g. Voz Ilimitado. Not unique: the same offering is in many plans. */
  id: Maybe<Scalars['String']['output']>;
};

/** The answer to purchaseOffer: the line, or why the operator refused (e.g. LINE_BLOCKED). */
export type PurchaseOfferPayload = MutationPayload & {
  __typename?: 'PurchaseOfferPayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. ACQUIRED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** The entry points for reading lines. */
export type Query = {
  __typename?: 'Query';
  /**
   * A line without first checking that it exists: each field makes its own read and fails on its own
   * (NOT_FOUND for an unknown line). One upstream read fewer than `subscriber` when one resource is
   * wanted; the REST compatibility router reads through it.
   */
  line: Subscriber;
  /**
   * `line` for an MSISDN exactly as written: not normalised, not checked for form, sent to the upstream
   * as it is (the upstream decides). The REST compatibility router reads through it (and its writes
   * through the inputs' `msisdnAsWritten`), so a legacy client's path reaches the upstream unchanged.
   * A subscriber token reaches only its own line, compared as written: any other spelling is FORBIDDEN.
   */
  lineAsWritten: Subscriber;
  /** The token's own line (a subscriber token); null for a token that names no line, like an agent's. */
  me: Maybe<Subscriber>;
  /** One line, or null (with one NOT_FOUND error) when the market has no such line. */
  subscriber: Maybe<Subscriber>;
  /** Several lines of one market, in the order asked; a line that does not exist is null with its own NOT_FOUND error. The list length is bounded. */
  subscribers: Array<Maybe<Subscriber>>;
};


/** The entry points for reading lines. */
export type QueryLineArgs = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
};


/** The entry points for reading lines. */
export type QueryLineAsWrittenArgs = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['String']['input'];
};


/** The entry points for reading lines. */
export type QuerySubscriberArgs = {
  country?: InputMaybe<Country>;
  msisdn: Scalars['MSISDN']['input'];
};


/** The entry points for reading lines. */
export type QuerySubscribersArgs = {
  country?: InputMaybe<Country>;
  msisdns: Array<Scalars['MSISDN']['input']>;
};

/** A favorite number to remove from a line. */
export type RemoveFavoriteInput = {
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** The line that loses the favorite; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** The favorite number to remove; or phoneNumberAsWritten. */
  phoneNumber?: InputMaybe<Scalars['PhoneNumber']['input']>;
  /**
   * The number exactly as written, instead of `phoneNumber` (one of the two): not normalised or checked,
   * sent as it is (the REST router's pass-through; also reaches a favorite stored in another form).
   */
  phoneNumberAsWritten?: InputMaybe<Scalars['String']['input']>;
};

/** The answer to removeFavorite: the line with its favorites, or why the operator refused. */
export type RemoveFavoritePayload = MutationPayload & {
  __typename?: 'RemoveFavoritePayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. DELETED; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** The answer to requestAdditionalSubscriptions: the request id, or why the operator refused. */
export type RequestAdditionalSubscriptionsPayload = MutationPayload & {
  __typename?: 'RequestAdditionalSubscriptionsPayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. the request id; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** The answer to requestPlanUpgrade: the line with its upgrade request, or why the operator refused (e.g. PENDING_REQUEST). */
export type RequestPlanUpgradePayload = MutationPayload & {
  __typename?: 'RequestPlanUpgradePayload';
  /** Success message from the platform; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform, e.g. the request id; null when refused. */
  response: Maybe<Scalars['String']['output']>;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** Status of a line's asset. */
export type StatusCode =
  /** The asset works. */
  | 'ACTIVE'
  /** The asset is blocked, e.g. after a theft. */
  | 'BLOCKED'
  /** A status the upstream reported that this schema does not know (its text is in `codeRaw`). Never accepted as input. */
  | 'UNKNOWN';

/** A subscriber's line and everything the Self Care API knows of it. Each field is read when asked for. */
export type Subscriber = {
  __typename?: 'Subscriber';
  /** Catalog plans the line can select, filtered by type; all of the market's catalog without a type. */
  availablePlans: Maybe<Array<Plan>>;
  /** The line's market. */
  country: Country;
  /** Favorite numbers of the line. */
  favorites: Maybe<Array<FavoriteNumber>>;
  /**
   * Stable id of the line, unique across markets, for clients' normalized caches: the market and the
   * MSISDN, e.g. `hn:50499887766`.
   */
  id: Scalars['ID']['output'];
  /** International identifiable mobile phone number of the line. */
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
  channelIdAsWritten?: InputMaybe<Scalars['String']['input']>;
};

/** A change of the status of a line's SIM, device or both. */
export type UpdateStatusInput = {
  /** Asset whose status is updated. */
  assetType: AssetType;
  /** The new status. */
  code: StatusCode;
  /** The line's market; by default the market of the caller's token, else the gateway's market. */
  country?: InputMaybe<Country>;
  /** Customer unique identifier, usually a national id or tax payer number. */
  customerId?: InputMaybe<Scalars['String']['input']>;
  /** What customerId is: national id, tax payer number, passport, ... */
  documentType?: InputMaybe<Scalars['String']['input']>;
  /** Last name of the customer. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** The line whose status changes; or msisdnAsWritten. */
  msisdn?: InputMaybe<Scalars['MSISDN']['input']>;
  /** The line's MSISDN exactly as written, instead of `msisdn` (one of the two): see `Query.lineAsWritten`. */
  msisdnAsWritten?: InputMaybe<Scalars['String']['input']>;
  /** First name, company name or full name of the customer. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Reason of the change, e.g. a stolen phone. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** The answer to updateStatus: the new status, or why the operator refused. */
export type UpdateStatusPayload = MutationPayload & {
  __typename?: 'UpdateStatusPayload';
  /** The upstream's description of the new status; null when refused. */
  message: Maybe<Scalars['String']['output']>;
  /** Generic response from the platform; null (the upstream answers the status itself). */
  response: Maybe<Scalars['String']['output']>;
  /** The status the upstream reports after the change; the current status when refused. */
  status: LineStatus;
  /** The line, read after the change (or as it is, when refused). */
  subscriber: Subscriber;
  /** The operator's refusals of this request; empty on success. */
  userErrors: Array<UserError>;
};

/** An upgrade request in process. */
export type UpgradeRequest = {
  __typename?: 'UpgradeRequest';
  /** The platform's description of the request. */
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
  fromAsWritten?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  toAsWritten?: InputMaybe<Scalars['String']['input']>;
};


/** Data usage of a line. Periods default to the last 24 hours. */
export type UsagePercentageByAppArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  fromAsWritten?: InputMaybe<Scalars['String']['input']>;
  resolution?: InputMaybe<UsageResolution>;
  resolutionAsWritten?: InputMaybe<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  toAsWritten?: InputMaybe<Scalars['String']['input']>;
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

/** Each app's share of a line's traffic, per period (hour or day), in a period. */
export type UsageShares = {
  __typename?: 'UsageShares';
  /** The upstream's result code, e.g. 0. */
  code: Maybe<Scalars['String']['output']>;
  /** The upstream's result description, e.g. OK. */
  description: Maybe<Scalars['String']['output']>;
  /** When the upstream last updated these figures. */
  lastUpdatedAt: Maybe<Scalars['DateTime']['output']>;
  /** A record per period (hour or day) and app. */
  records: Array<AppUsageShare>;
};

/** A business refusal of a mutation by the operator (errors as data). */
export type UserError = {
  __typename?: 'UserError';
  /** What kind of refusal it is. */
  code: UserErrorCode;
  /** The operator's own message, e.g. "No favorite slots left: 5 of 5 in use; remove one first". */
  message: Scalars['String']['output'];
};

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
    | ( Omit<AddFavoritePayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<CancelOfferPayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<ChangePlanPayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<PurchaseOfferPayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<RemoveFavoritePayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<RequestAdditionalSubscriptionsPayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<RequestPlanUpgradePayload, 'subscriber'> & { subscriber: _RefType['Subscriber'] } )
    | ( Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: _RefType['LineStatus'], subscriber: _RefType['Subscriber'] } )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AcquisitionMethod: ResolverTypeWrapper<WireAcquisitionMethod>;
  AddFavoriteInput: AddFavoriteInput;
  AddFavoritePayload: ResolverTypeWrapper<Omit<AddFavoritePayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  AdditionalSubscriptionInput: AdditionalSubscriptionInput;
  AdditionalSubscriptionsInput: AdditionalSubscriptionsInput;
  AppUsageShare: ResolverTypeWrapper<UsagePercentageDetail>;
  AssetType: AssetType;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ByteCount: ResolverTypeWrapper<Scalars['ByteCount']['output']>;
  CancelOfferPayload: ResolverTypeWrapper<Omit<CancelOfferPayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  ChangePlanPayload: ResolverTypeWrapper<Omit<ChangePlanPayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
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
  Offer: ResolverTypeWrapper<OfferRef>;
  OfferInput: OfferInput;
  OfferingCategory: OfferingCategory;
  PhoneLease: ResolverTypeWrapper<PhoneLeaseInfo>;
  PhoneNumber: ResolverTypeWrapper<Scalars['PhoneNumber']['output']>;
  Plan: ResolverTypeWrapper<PlanRef>;
  PlanChangeInput: PlanChangeInput;
  PlanType: PlanType;
  ProductOffering: ResolverTypeWrapper<WireProductOffering>;
  PurchaseOfferPayload: ResolverTypeWrapper<Omit<PurchaseOfferPayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RemoveFavoriteInput: RemoveFavoriteInput;
  RemoveFavoritePayload: ResolverTypeWrapper<Omit<RemoveFavoritePayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  RequestAdditionalSubscriptionsPayload: ResolverTypeWrapper<Omit<RequestAdditionalSubscriptionsPayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  RequestPlanUpgradePayload: ResolverTypeWrapper<Omit<RequestPlanUpgradePayload, 'subscriber'> & { subscriber: ResolversTypes['Subscriber'] }>;
  StatusCode: StatusCode;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscriber: ResolverTypeWrapper<SubscriberRef>;
  UpdateStatusInput: UpdateStatusInput;
  UpdateStatusPayload: ResolverTypeWrapper<Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: ResolversTypes['LineStatus'], subscriber: ResolversTypes['Subscriber'] }>;
  UpgradeRequest: ResolverTypeWrapper<SuccessBody>;
  Usage: ResolverTypeWrapper<SubscriberRef>;
  UsageResolution: UsageResolution;
  UsageShares: ResolverTypeWrapper<UsagePercentageResponse>;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AcquisitionMethod: WireAcquisitionMethod;
  AddFavoriteInput: AddFavoriteInput;
  AddFavoritePayload: Omit<AddFavoritePayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  AdditionalSubscriptionInput: AdditionalSubscriptionInput;
  AdditionalSubscriptionsInput: AdditionalSubscriptionsInput;
  AppUsageShare: UsagePercentageDetail;
  Boolean: Scalars['Boolean']['output'];
  ByteCount: Scalars['ByteCount']['output'];
  CancelOfferPayload: Omit<CancelOfferPayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  ChangePlanPayload: Omit<ChangePlanPayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
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
  Offer: OfferRef;
  OfferInput: OfferInput;
  PhoneLease: PhoneLeaseInfo;
  PhoneNumber: Scalars['PhoneNumber']['output'];
  Plan: PlanRef;
  PlanChangeInput: PlanChangeInput;
  ProductOffering: WireProductOffering;
  PurchaseOfferPayload: Omit<PurchaseOfferPayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  Query: Record<PropertyKey, never>;
  RemoveFavoriteInput: RemoveFavoriteInput;
  RemoveFavoritePayload: Omit<RemoveFavoritePayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  RequestAdditionalSubscriptionsPayload: Omit<RequestAdditionalSubscriptionsPayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  RequestPlanUpgradePayload: Omit<RequestPlanUpgradePayload, 'subscriber'> & { subscriber: ResolversParentTypes['Subscriber'] };
  String: Scalars['String']['output'];
  Subscriber: SubscriberRef;
  UpdateStatusInput: UpdateStatusInput;
  UpdateStatusPayload: Omit<UpdateStatusPayload, 'status' | 'subscriber'> & { status: ResolversParentTypes['LineStatus'], subscriber: ResolversParentTypes['Subscriber'] };
  UpgradeRequest: SuccessBody;
  Usage: SubscriberRef;
  UsageShares: UsagePercentageResponse;
  UserError: UserError;
};

export type AcquisitionMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AcquisitionMethod'] = ResolversParentTypes['AcquisitionMethod']> = {
  id?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AddFavoritePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AddFavoritePayload'] = ResolversParentTypes['AddFavoritePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
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
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ChangePlanPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ChangePlanPayload'] = ResolversParentTypes['ChangePlanPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
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
  offerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  line?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType, RequireFields<QueryLineArgs, 'msisdn'>>;
  lineAsWritten?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType, RequireFields<QueryLineAsWrittenArgs, 'msisdn'>>;
  me?: Resolver<Maybe<ResolversTypes['Subscriber']>, ParentType, ContextType>;
  subscriber?: Resolver<Maybe<ResolversTypes['Subscriber']>, ParentType, ContextType, RequireFields<QuerySubscriberArgs, 'msisdn'>>;
  subscribers?: Resolver<Array<Maybe<ResolversTypes['Subscriber']>>, ParentType, ContextType, RequireFields<QuerySubscribersArgs, 'msisdns'>>;
};

export type RemoveFavoritePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RemoveFavoritePayload'] = ResolversParentTypes['RemoveFavoritePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RequestAdditionalSubscriptionsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestAdditionalSubscriptionsPayload'] = ResolversParentTypes['RequestAdditionalSubscriptionsPayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RequestPlanUpgradePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RequestPlanUpgradePayload'] = ResolversParentTypes['RequestPlanUpgradePayload']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subscriber?: Resolver<ResolversTypes['Subscriber'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscriberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscriber'] = ResolversParentTypes['Subscriber']> = {
  availablePlans?: Resolver<Maybe<Array<ResolversTypes['Plan']>>, ParentType, ContextType, Partial<SubscriberAvailablePlansArgs>>;
  country?: Resolver<ResolversTypes['Country'], ParentType, ContextType>;
  favorites?: Resolver<Maybe<Array<ResolversTypes['FavoriteNumber']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
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

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  UserError?: UserErrorResolvers<ContextType>;
};

