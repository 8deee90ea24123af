/** One mail as `/sandbox/mail.json` lists it. */
export interface SandboxMail {
  readonly to: string;
  readonly code: string;
  /** ISO instant. */
  readonly sentAt: string;
}

/**
 * The newest code mailed to `email`, as the development host shows it. Chosen by `sentAt`, not by
 * position: the mailbox lists newest first, and an older code no longer works after a resend.
 */
export function latestCodeLine(mails: readonly SandboxMail[], email: string): string {
  const address = email.trim().toLowerCase();
  const newest = mails
    .filter((mail) => mail.to.trim().toLowerCase() === address)
    .reduce<SandboxMail | null>((best, mail) => (best === null || Date.parse(mail.sentAt) > Date.parse(best.sentAt) ? mail : best), null);
  return newest ? `Latest code for ${newest.to}: ${newest.code}` : '';
}
