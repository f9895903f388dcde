// The peer's REST client: one RESTDataSource per request, a method per upstream read of the dashboard.
import { RESTDataSource } from '@apollo/datasource-rest';
import type { GraphQLError } from 'graphql';

export interface Status {
  code: string;
  assetType: string;
  description?: string;
}
export interface Plan {
  planId: string;
  planName: string;
  monthlyAmount: number;
  currencyId?: string;
  planDataInMB?: number;
}
export interface Offer {
  OfferId: string;
  OfferName: string;
  amount?: number;
  currencyId?: string;
  Validity?: string;
  ValidityUnit?: string;
}
export interface Favorite {
  PhoneNumber: string;
  Label?: string;
  ExpirationDate?: string;
}
export interface PhoneLease {
  brand?: string;
  model?: string;
  nextRenewalDate: string;
}
export interface UsageShares {
  lastUpdatedAt?: string;
  trafficDetails?: { date?: string; appName?: string; percentage?: string; trafficVolumeBytes?: number }[];
}

export class SelfCareAPI extends RESTDataSource {
  /** The upstream base up to the market, e.g. http://127.0.0.1:4010/v2/tigo/mobile/ */
  override baseURL: string;

  constructor(baseURL: string, config: ConstructorParameters<typeof RESTDataSource>[0]) {
    super(config);
    this.baseURL = baseURL;
  }

  // No HTTP cache between requests, as the gateway's dashboard runs with CACHE=false; concurrent
  // equal GETs of one request are still deduplicated (RESTDataSource's default).
  protected override cacheOptionsFor() {
    return { ttl: 0 };
  }

  status(country: string, msisdn: string) {
    return this.get<Status>(`${country}/billing/subscribers/${encodeURIComponent(msisdn)}/status`);
  }
  plan(country: string, msisdn: string) {
    return this.get<Plan>(`${country}/plans/subscribers/${encodeURIComponent(msisdn)}/current`);
  }
  offers(country: string, msisdn: string, channelId: number) {
    return this.get<Offer[]>(`${country}/plans/subscribers/${encodeURIComponent(msisdn)}/availableoffers/`, {
      params: { channelId: String(channelId) },
    });
  }
  favorites(country: string, msisdn: string) {
    return this.get<Favorite[]>(`${country}/plans/subscribers/${encodeURIComponent(msisdn)}/favorites/`);
  }
  /** null when the line has no leased phone (404). */
  async phoneLease(country: string, msisdn: string) {
    try {
      return await this.get<PhoneLease>(
        `${country}/plans/subscribers/${encodeURIComponent(msisdn)}/phonelease/`,
      );
    } catch (error) {
      const status = (error as GraphQLError).extensions?.response as { status?: number } | undefined;
      if (status?.status === 404) return null;
      throw error;
    }
  }
  usageShares(country: string, msisdn: string, query: Record<string, string>) {
    return this.get<UsageShares>(
      `${country}/billing/subscribers/${encodeURIComponent(msisdn)}/usage/data/percentagebyapp`,
      { params: query },
    );
  }
}
