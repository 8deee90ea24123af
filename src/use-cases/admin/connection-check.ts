import type { AdviceParams, CheckAdviceCode } from '../../domain/i18n/admin-advice';
import type { WorkItemKind } from '../../domain/work-item';

/** What a connection check looked at. */
export type CheckName = 'secrets' | 'activation' | 'profitVersion' | 'metainfo' | 'appConnector' | 'fields' | 'linkTemplate' | 'taskActions';

export interface CheckFinding {
  readonly check: CheckName;
  readonly status: 'ok' | 'problem' | 'warning';
  /** What it found, as a stable code with parameters: the admin screen says it in the user's language. */
  readonly code: CheckAdviceCode;
  readonly params: AdviceParams;
  /** The same in one plain English sentence, saying what to do when something is wrong. */
  readonly message: string;
  readonly kind?: WorkItemKind;
  /** AFAS's reference for its support desk, when AFAS answered with an error. */
  readonly profitLogReference?: string;
}

export interface MissingField {
  /** The connector field name the field map uses. */
  readonly field: string;
  /** Which properties of a work item it feeds (`date`, `title`...). */
  readonly usedFor: readonly string[];
}

export interface ConnectorReport {
  readonly kind: WorkItemKind;
  readonly connector: string;
  /** Null when not checked (no activation, or AFAS failed before). */
  readonly inAppConnector: boolean | null;
  readonly missingFields: readonly MissingField[];
}

/**
 * The result of "Test connection". `not_confirmable`: no activation to test with, and AFAS answers
 * a code request with success even for wrong keys, so nothing can confirm them yet.
 */
export interface ConnectionCheck {
  readonly connectionId: string;
  readonly outcome: 'ok' | 'problems' | 'not_confirmable';
  readonly checkedAt: string;
  /** The AFAS user id of the activation the check used. */
  readonly testedWith: string | null;
  readonly profitVersion: string | null;
  readonly connectors: readonly ConnectorReport[];
  readonly findings: readonly CheckFinding[];
}
