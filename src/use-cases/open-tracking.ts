import { z } from 'zod';
import type { UserKey } from '../domain/user-key';
import type { WorkItem, WorkItemKind } from '../domain/work-item';
import type { LinkSigner } from '../ports/link-signer';
import type { OpenedItems } from './opened-items';

/** Where a card's "Open" goes: our server records the open, then sends the browser on to AFAS. */
export const OPEN_LINK_PATH = '/open';

const claimSchema = z.object({
  t: z.string().min(1),
  a: z.string().min(1),
  k: z.enum(['task', 'signal']),
  i: z.string().min(1),
  u: z.string().url(),
});

export interface FollowedLink {
  readonly user: UserKey;
  readonly kind: WorkItemKind;
  readonly id: string;
  /** The AFAS InSite page to send the browser to. */
  readonly url: string;
}

/**
 * Items opened from chat cards are remembered like those opened from the tab. A card's "Open" is a
 * link to `OPEN_LINK_PATH/<token>` on our server; the token names the user, the item and the AFAS
 * address, signed, so nobody can make a link that marks another user's items or sends the browser
 * anywhere but where the card pointed. Links do not expire: cards stay in the chat for months.
 */
export class OpenTracking {
  constructor(private readonly deps: { readonly signer: LinkSigner; readonly opened: OpenedItems; readonly publicUrl: string }) {}

  /** The tracked address for "Open" on `item`, leading on to `url`. */
  linkFor(user: UserKey, item: WorkItem, url: string): string {
    const payload = Buffer.from(JSON.stringify({ t: user.tenantId, a: user.aadObjectId, k: item.kind, i: item.id, u: url })).toString('base64url');
    return `${this.deps.publicUrl.replace(/\/+$/, '')}${OPEN_LINK_PATH}/${payload}.${this.deps.signer.sign(payload)}`;
  }

  /** The items with those the user opened from Teams shown as read. */
  applyTo(user: UserKey, items: readonly WorkItem[]): Promise<WorkItem[]> {
    return this.deps.opened.applyTo(user, items);
  }

  /** A click on a tracked link: remembers the open and says where to go; null for a link we did not make. */
  async follow(token: string): Promise<FollowedLink | null> {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0 || !this.deps.signer.verify(payload, signature)) return null;
    const claim = claimSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claim.success || !/^https?:$/.test(new URL(claim.data.u).protocol)) return null;
    const { t, a, k, i, u } = claim.data;
    const user = { tenantId: t, aadObjectId: a };
    await this.deps.opened.mark(user, k, i);
    return { user, kind: k, id: i, url: new URL(u).href };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
