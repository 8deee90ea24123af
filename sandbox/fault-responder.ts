import type { Response } from 'restify';
import { JSON_CONTENT_TYPE, errorReply, newProfitLogReference, writeRaw, writeReply } from './afas-reply';
import type { FaultPlan } from './fault-injector';
import { refusals } from './sandbox-http-error';

const TRUNCATED_JSON = '{"skip":0,"take":100,"rows":[{"guid_task":"3F2504E0-4F89-41D3-9A0C-0305E82C3301","description":"Declaratie reisk';

// What a proxy or the web server in front of Profit shows when the application itself fails.
const HTML_ERROR_PAGE = `<!DOCTYPE html>
<html><head><title>Runtime Error</title></head>
<body><h1>Server Error in '/ProfitRestServices' Application.</h1>
<h2><i>Runtime Error</i></h2>
<p>An application error occurred on the server.</p></body></html>
`;

/** Writes the answer of a terminal fault; `hang` is the pipeline's job (it never answers). */
export function respondWithFault(res: Response, fault: Exclude<NonNullable<FaultPlan['terminal']>, { kind: 'hang' }>): void {
  switch (fault.kind) {
    case 'unauthorized':
      return writeReply(res, errorReply(refusals.unauthorized()));
    case 'functional-error':
      return writeReply(res, {
        status: 500,
        body: {
          externalMessage: fault.message ?? 'Er is een onverwachte fout opgetreden. An unexpected error occurred.',
          errorNumber: -1,
          profitLogReference: fault.profitLogReference ?? newProfitLogReference(),
        },
      });
    case 'unavailable':
      return writeReply(res, {
        status: 503,
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
        body: { retry_after: fault.retryAfterSeconds },
      });
    case 'malformed-json':
      return writeRaw(res, 200, JSON_CONTENT_TYPE, TRUNCATED_JSON);
    case 'html':
      return writeRaw(res, 200, 'text/html; charset=utf-8', HTML_ERROR_PAGE);
  }
}
