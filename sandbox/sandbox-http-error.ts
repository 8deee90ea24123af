import { AppError } from '../src/domain/app-error';

/** Stable codes for every way the sandbox turns a request down, as AFAS would. */
export type SandboxRefusalCode =
  | 'sandbox_bad_request'
  | 'sandbox_unauthorized'
  | 'sandbox_not_found'
  | 'sandbox_payload_too_large'
  | 'sandbox_query_too_long'
  | 'sandbox_connector_not_authorized'
  | 'sandbox_field_not_found'
  | 'sandbox_invalid_filter_value'
  | 'sandbox_out_of_memory'
  | 'sandbox_otp_incorrect'
  | 'sandbox_otp_expired'
  | 'sandbox_otp_wrong_keys'
  | 'sandbox_classic_tokens_ended'
  | 'sandbox_internal'
  | 'sandbox_task_not_found'
  | 'sandbox_action_not_of_task'
  | 'sandbox_task_already_handled'
  | 'sandbox_no_rights_on_task'
  | 'sandbox_reaction_too_long';

/** A refusal that becomes an AFAS error answer: `{externalMessage, errorNumber, profitLogReference}`. */
export class SandboxHttpError extends AppError {
  override readonly code: SandboxRefusalCode;

  constructor(
    code: SandboxRefusalCode,
    readonly status: number,
    readonly externalMessage: string,
  ) {
    super(code, externalMessage, { details: { status } });
    this.name = 'SandboxHttpError';
    this.code = code;
  }
}

/** AFAS's known 500 texts, and plausible ones where AFAS's exact words are not public. */
export const refusals = {
  badRequest: (what: string) => new SandboxHttpError('sandbox_bad_request', 400, `Bad request: ${what}`),
  unauthorized: () => new SandboxHttpError('sandbox_unauthorized', 401, 'Unauthorized: the token is invalid or has been revoked.'),
  notFound: () => new SandboxHttpError('sandbox_not_found', 404, 'Not found'),
  payloadTooLarge: () => new SandboxHttpError('sandbox_payload_too_large', 413, 'Payload too large'),
  queryTooLong: () => new SandboxHttpError('sandbox_query_too_long', 404, 'Not found: the query string is too long'),
  connectorNotAuthorized: () =>
    new SandboxHttpError('sandbox_connector_not_authorized', 500, 'GetConnector not supported for this app or the user is not authorized'),
  fieldNotFound: (field: string) => new SandboxHttpError('sandbox_field_not_found', 500, `Connector field '${field}' not found`),
  invalidFilterValue: (field: string, value: string) =>
    new SandboxHttpError('sandbox_invalid_filter_value', 500, `The filter value '${value}' is not valid for field '${field}'`),
  outOfMemory: () => new SandboxHttpError('sandbox_out_of_memory', 500, 'Out of memory'),
  otpIncorrect: () => new SandboxHttpError('sandbox_otp_incorrect', 500, 'De activatiecode is onjuist. The activation code is incorrect.'),
  otpExpired: () =>
    new SandboxHttpError('sandbox_otp_expired', 500, 'De activatiecode is verlopen, vraag een nieuwe code aan. The activation code has expired, request a new one.'),
  otpWrongKeys: () => new SandboxHttpError('sandbox_otp_wrong_keys', 500, 'Ongeldige API-sleutel of omgevingssleutel. Invalid API key or environment key.'),
  // AFAS has not published the words; its OTP refusals are 500s with a Dutch and an English sentence.
  classicTokensEnded: () =>
    new SandboxHttpError('sandbox_classic_tokens_ended', 500, 'Tokens via de activatiecode worden niet meer uitgegeven, gebruik OAuth. Classic tokens are no longer issued: use OAuth.'),
  internal: () => new SandboxHttpError('sandbox_internal', 500, 'An unexpected error occurred in Profit'),
  updateConnectorNotAuthorized: () =>
    new SandboxHttpError('sandbox_connector_not_authorized', 500, 'UpdateConnector not supported for this app or the user is not authorized'),
  taskNotFound: () =>
    new SandboxHttpError('sandbox_task_not_found', 500, 'De taak is niet gevonden bij dit dossieritem. The task was not found for this subject.'),
  actionNotOfTask: () =>
    new SandboxHttpError('sandbox_action_not_of_task', 500, 'De actie hoort niet bij deze taak. The action does not belong to this task.'),
  taskAlreadyHandled: (by: string) =>
    new SandboxHttpError('sandbox_task_already_handled', 500, `Deze taak is al afgehandeld door ${by}. This task has already been handled by ${by}.`),
  noRightsOnTask: () =>
    new SandboxHttpError('sandbox_no_rights_on_task', 500, 'U heeft geen rechten op deze taak. You are not authorized for this task.'),
  reactionTooLong: (max: number) =>
    new SandboxHttpError('sandbox_reaction_too_long', 500, `De reactie is te lang (maximaal ${max} tekens). The reaction is too long (at most ${max} characters).`),
};
