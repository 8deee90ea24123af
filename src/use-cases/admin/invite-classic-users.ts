import { signsInWithOAuth } from '../../domain/afas-auth-mode';
import type { AfasConnection } from '../../domain/afas-connection';
import type { ClassicInviteResult } from '../../domain/connection-auth';
import { amsterdamDate, oauthInviteId, type Notification } from '../../domain/notification';
import type { UserKey } from '../../domain/user-key';
import type { ActivationStore } from '../../ports/activation-store';
import type { Clock } from '../../ports/clock';
import type { ConnectionOAuthStore } from '../../ports/connection-oauth-store';
import type { ConnectionStore } from '../../ports/connection-store';
import type { ConversationReferenceJson, ConversationStore } from '../../ports/conversation-store';
import type { DeliveryLedger } from '../../ports/delivery-ledger';
import type { Notifier } from '../../ports/notifier';
import type { PreferenceStore } from '../../ports/preference-store';
import { loadNotificationContext } from '../notification-context';
import { assertMayChange, visibleOrNotFound, type AdminScope } from './admin-scope';
import type { AuditTrail } from './audit-trail';
import { activationsOf } from './connection-users';
import { inputProblem, validationFailed } from './validation';

/** An invitation's start link works this long: it waits in the chat until the user gets to it. */
export const INVITE_LINK_LIFETIME_MS = 14 * 24 * 3_600_000;

export interface InviteClassicUsersDeps {
  readonly connections: ConnectionStore;
  readonly activations: ActivationStore;
  readonly connectionOAuth: ConnectionOAuthStore;
  readonly conversations: ConversationStore;
  readonly preferences: PreferenceStore;
  readonly deliveries: DeliveryLedger;
  /** The product's proactive sender (the notification stack's). */
  readonly notifier: Notifier;
  /** Our signed start link that begins this user's OAuth sign-in (SignInStarts). */
  readonly startLink: (user: UserKey, connection: AfasConnection) => string;
  readonly trail: AuditTrail;
  readonly clock: Clock;
}

/**
 * "Invite every classic user": each active classic user of the connection gets one card inviting
 * them to sign in with OAuth. The card is a ledger entry planned before the send (`oauth-invite:`
 * + the Amsterdam date), so a second click, a second admin or a retried request the same day sends
 * nobody a second card, and a send that did not finish (Teams may have it) is never repeated. A card
 * Teams answered with a refusal is sent again by the next click (the chat reopened, Teams is back).
 */
export class InviteClassicUsers {
  constructor(private readonly deps: InviteClassicUsersDeps) {}

  async execute(scope: AdminScope, id: string): Promise<ClassicInviteResult> {
    const { deps } = this;
    const connection = visibleOrNotFound(scope, await deps.connections.get(id), id);
    assertMayChange(scope, connection);
    if (!signsInWithOAuth(await deps.connectionOAuth.get(id))) throw validationFailed([inputProblem('authMode', 'oauthNotOn')]);
    const invite = amsterdamDate(deps.clock.now());
    const entry = oauthInviteId(invite);
    const result = { connectionId: id, invite, invited: 0, alreadyInvited: 0, notReached: 0 };
    for await (const activation of activationsOf(deps.activations, id, scope)) {
      if ((activation.authKind ?? 'classic') !== 'classic') continue;
      const { user } = activation;
      const { conversation, lang } = await loadNotificationContext(deps.conversations, deps.preferences, user);
      if (!conversation || conversation.status !== 'active') {
        result.notReached += 1;
        continue;
      }
      const now = deps.clock.now();
      // A card Teams did not take today (refused, throttled, the chat blocked then) is tried again; one it may have is not.
      const planned = (await deps.deliveries.planDelivery(user, 'signal', [entry], now)).length > 0 || (await deps.deliveries.retryFailed(user, 'signal', [entry], now)).length > 0;
      if (!planned) {
        result.alreadyInvited += 1;
        continue;
      }
      const notification = { user, lang, content: { type: 'oauthInvite' as const, startUrl: deps.startLink(user, connection) }, detail: 'full' as const, entries: [{ kind: 'signal' as const, itemId: entry }], links: null };
      result[(await this.send(conversation.reference, notification)) ? 'invited' : 'notReached'] += 1;
    }
    await deps.trail.record(scope, 'connection.oauthInvite', id, { invite, invited: result.invited, alreadyInvited: result.alreadyInvited, notReached: result.notReached }, connection.tenantId);
    return result;
  }

  /** One card; Teams' answer is classified here (403 blocks, 404 retires the chat), with nothing in between. */
  private async send(reference: ConversationReferenceJson, notification: Notification): Promise<boolean> {
    const { deps } = this;
    const { user } = notification;
    const refs = notification.entries.map((e) => e.itemId);
    const answer = await deps.notifier.send(reference, notification);
    const now = deps.clock.now();
    if (answer.outcome === 'blocked') await deps.conversations.setStatus(user, 'blocked', now);
    if (answer.outcome === 'gone') await deps.conversations.setStatus(user, 'retired', now);
    // `unknown`: Teams may have it; the entry stays `to_deliver` and is never sent again.
    if (answer.outcome !== 'unknown') await deps.deliveries.setState(user, 'signal', refs, answer.outcome === 'sent' ? 'delivered' : 'failed', now);
    return answer.outcome === 'sent';
  }
}
