import { HmacLinkSigner } from '../secrets/hmac-link-signer';
import type { OpenedItems } from '../use-cases/opened-items';
import { OpenTracking } from '../use-cases/open-tracking';

export interface OpenTrackingDeps {
  /** The product's current encryption key; the link signing key is derived from it. */
  readonly encryptionKey: Buffer;
  /** Where the cards' tracked links point (PUBLIC_URL). */
  readonly publicUrl: string;
  readonly opened: OpenedItems;
}

/** The open tracking of card links, built the same for the bot (which makes the links) and the server (which follows them). */
export function composeOpenTracking(deps: OpenTrackingDeps): OpenTracking {
  return new OpenTracking({ signer: new HmacLinkSigner(deps.encryptionKey, 'open-links'), opened: deps.opened, publicUrl: deps.publicUrl });
}
