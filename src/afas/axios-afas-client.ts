import type { z } from 'zod';
import { AfasError } from '../domain/afas-error';
import type {
  AfasAuth,
  AfasClient,
  ConnectorMeta,
  ConnectorPage,
  ConnectorQuery,
  MetaInfo,
  OtpRequestInput,
  OtpValidationInput,
} from '../ports/afas-client';
import { authorizationHeader } from './auth-header';
import type { AfasHttpRequest, AxiosAfasTransport } from './axios-afas-transport';
import { buildConnectorQueryString } from './connector-query-string';
import { badResponse, parseJson } from './error-mapping';
import { connectorMetaSchema, connectorPageSchema, metaInfoSchema, otpValidationSchema, profitVersionSchema } from './wire-schemas';

const XML_TOKEN = /^<token>[\s\S]*<\/token>$/;

/** One AFAS Profit environment over REST. Every method rejects with `AfasError` only. */
export class AxiosAfasClient implements AfasClient {
  constructor(
    readonly baseUrl: string,
    private readonly transport: AxiosAfasTransport,
  ) {}

  async requestOtp(input: OtpRequestInput): Promise<void> {
    // AFAS answers 2xx even for wrong keys or users, so there is nothing to read from the body.
    await this.transport.send({
      method: 'POST',
      path: 'otprequest',
      body: { apiKey: input.apiKey, apiToken: input.environmentKey, userId: input.userId },
      retry: 'unsent-only',
      secrets: [input.apiKey, input.environmentKey],
    });
  }

  async validateOtp(input: OtpValidationInput): Promise<string> {
    const request: AfasHttpRequest = {
      method: 'POST',
      path: 'otpvalidation',
      body: { apiKey: input.apiKey, apiToken: input.environmentKey, userId: input.userId, otp: input.otp },
      retry: 'never',
      secrets: [input.apiKey, input.environmentKey, input.otp],
    };
    const { token } = await this.parsed(request, otpValidationSchema);
    // AFAS appends CRLF to the token; the XML string without it is what gets base64-encoded later.
    const trimmed = token.trim();
    if (!XML_TOKEN.test(trimmed)) throw badResponse(request.path, 'a token that is not a <token>…</token> document', token, [...request.secrets, token]);
    return trimmed;
  }

  async getConnector(auth: AfasAuth, connectorId: string, query: ConnectorQuery = {}): Promise<ConnectorPage> {
    const path = `connectors/${encodedId(connectorId)}`;
    return this.get(auth, path, connectorPageSchema, buildConnectorQueryString(query, path));
  }

  async metainfo(auth: AfasAuth): Promise<MetaInfo> {
    return this.get(auth, 'metainfo', metaInfoSchema);
  }

  async connectorMetainfo(auth: AfasAuth, connectorId: string): Promise<ConnectorMeta> {
    return this.get(auth, `metainfo/get/${encodedId(connectorId)}`, connectorMetaSchema);
  }

  async profitVersion(auth: AfasAuth): Promise<string> {
    const { version } = await this.get(auth, 'ProfitVersion', profitVersionSchema);
    return version;
  }

  async postConnector(auth: AfasAuth, connectorId: string, body: unknown): Promise<void> {
    const header = authorizationHeader(auth);
    // The answer's body (201) is not relied on: AFAS documents only the status.
    await this.transport.send({ method: 'POST', path: `connectors/${encodedId(connectorId)}`, body, authorization: header.value, retry: 'never', secrets: header.secrets });
  }

  private async get<S extends z.ZodType>(auth: AfasAuth, path: string, schema: S, query?: string): Promise<z.output<S>> {
    const header = authorizationHeader(auth);
    return this.parsed({ method: 'GET', path, query, authorization: header.value, retry: 'idempotent', secrets: header.secrets }, schema);
  }

  private async parsed<S extends z.ZodType>(request: AfasHttpRequest, schema: S): Promise<z.output<S>> {
    const response = await this.transport.send(request);
    const json = parseJson(response.body);
    if (json === undefined) throw badResponse(request.path, 'a body that is not JSON', response.body, request.secrets, response.status);
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
      throw badResponse(request.path, `JSON of an unexpected shape (${where}: ${issue?.message ?? 'invalid'})`, response.body, request.secrets, response.status);
    }
    return result.data;
  }
}

function encodedId(connectorId: string): string {
  if (connectorId.trim() === '') throw new AfasError('afas_bad_request', 'Refusing to call AFAS: the connector id is empty');
  return encodeURIComponent(connectorId);
}
