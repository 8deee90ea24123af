import type { AfasRow } from '../domain/work-item';

/** How a request authenticates: the classic token from the OTP flow, or an OAuth bearer token (from 2027). */
export type AfasAuth =
  | { readonly kind: 'afasToken'; readonly token: string }
  | { readonly kind: 'bearer'; readonly accessToken: string };

/** AFAS's 15 filter operators, by their wire codes. */
export const AFAS_OPERATORS = {
  equals: 1,
  greaterOrEqual: 2,
  lessOrEqual: 3,
  greater: 4,
  less: 5,
  contains: 6,
  notEquals: 7,
  empty: 8,
  notEmpty: 9,
  startsWith: 10,
  notContains: 11,
  notStartsWith: 12,
  endsWith: 13,
  notEndsWith: 14,
  quickFilter: 15,
} as const;
export type AfasOperator = (typeof AFAS_OPERATORS)[keyof typeof AFAS_OPERATORS];

export interface AfasFilter {
  readonly field: string;
  readonly operator: AfasOperator;
  /** Omitted for `empty`/`notEmpty`. Dates: pass a Date; it is sent as Amsterdam wall clock without `Z`. */
  readonly value?: string | number | boolean | Date;
}

export interface ConnectorQuery {
  readonly skip?: number;
  readonly take?: number;
  /** Field ids; prefix `-` for descending. Mandatory (by AFAS) whenever skip/take page. */
  readonly orderBy?: readonly string[];
  /**
   * Filter groups: filters within a group are AND-ed, groups are OR-ed
   * (AFAS's `,` and `;` in the parallel lists).
   */
  readonly filters?: readonly (readonly AfasFilter[])[];
}

export interface ConnectorPage {
  readonly skip: number;
  readonly take: number;
  readonly rows: readonly AfasRow[];
}

export interface MetaInfo {
  readonly getConnectors: readonly { readonly id: string; readonly description: string }[];
  readonly updateConnectors: readonly { readonly id: string; readonly description: string }[];
  readonly info: { readonly envid?: string; readonly appName?: string; readonly group?: string; readonly tokenExpiry?: string };
}

export interface ConnectorField {
  readonly id: string;
  readonly fieldId: string;
  readonly dataType: string;
  readonly label: string;
  readonly length?: number;
  readonly controlType?: number;
  readonly decimals?: number;
  readonly decimalsFieldId?: string;
}

export interface ConnectorMeta {
  readonly name: string;
  readonly description: string;
  readonly fields: readonly ConnectorField[];
}

export interface OtpRequestInput {
  readonly apiKey: string;
  readonly environmentKey: string;
  /** E-mail address or AFAS user code (`12345.jdoe`). */
  readonly userId: string;
}

export interface OtpValidationInput extends OtpRequestInput {
  readonly otp: string;
}

/**
 * One AFAS Profit environment (bound to its base URL). All methods reject with `AfasError`.
 * Implementations share AFAS's limit of 8 requests in flight per environment among all callers.
 */
export interface AfasClient {
  readonly baseUrl: string;
  /** Asks AFAS to e-mail an activation code. Resolving means "requested", never "the keys are right". */
  requestOtp(input: OtpRequestInput): Promise<void>;
  /** Exchanges the code for the user's token (the XML token string, trimmed). Never retried. */
  validateOtp(input: OtpValidationInput): Promise<string>;
  getConnector(auth: AfasAuth, connectorId: string, query?: ConnectorQuery): Promise<ConnectorPage>;
  metainfo(auth: AfasAuth): Promise<MetaInfo>;
  connectorMetainfo(auth: AfasAuth, connectorId: string): Promise<ConnectorMeta>;
  profitVersion(auth: AfasAuth): Promise<string>;
  /**
   * Sends one element to an UpdateConnector (`POST connectors/{id}`). Never retried, not even after
   * a dead connection: AFAS may have processed it, and a repeat could act twice.
   */
  postConnector(auth: AfasAuth, connectorId: string, body: unknown): Promise<void>;
}

/** Hands out one client per environment; clients for the same environment share one limiter. */
export interface AfasClientFactory {
  forBaseUrl(baseUrl: string): AfasClient;
}
