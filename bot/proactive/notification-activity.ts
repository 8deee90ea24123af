import type { Activity } from 'botbuilder';
import { translate } from '../../src/domain/i18n/translate';
import type { Notification, NotificationContent } from '../../src/domain/notification';
import type { Language } from '../../src/domain/user-preferences';
import type { AdaptiveCard } from '../cards/adaptive-card';
import { cardAttachment } from '../cards/adaptive-card';
import { buildDigestCard } from '../cards/digest-card';
import { itemUrlResolver } from '../../src/domain/item-url';
import { countPhrase } from '../cards/list-lines';
import { buildItemNotificationCard } from '../cards/notification-card';
import { newCountsPhrase, openCountsPhrase } from '../cards/notification-lines';
import { buildBaselineCard, buildReactivationCard } from '../cards/notification-notice-cards';
import { buildNotificationSummaryCard } from '../cards/notification-summary-card';
import { buildSignInCard } from '../cards/sign-in-card';
import { MAX_TITLE_LENGTH, plainText } from '../cards/plain-text';

/** The minimal rendering (the last one after 413s) cuts titles this short. */
const MINIMAL_TITLE_LENGTH = 60;

/**
 * The activity for a notification: an Adaptive Card (`full`, or `compact` after a 413) or, as
 * the last resort, one plain-text line (`minimal`). `channelData.notification.alert` asks Teams
 * to raise a notification; `summary` is what the notification itself shows.
 */
export function notificationActivity(notification: Notification, now: Date): Partial<Activity> {
  const line = plainText(textLine(notification.content, notification.lang, notification.detail === 'minimal' ? MINIMAL_TITLE_LENGTH : MAX_TITLE_LENGTH));
  const base = { type: 'message', summary: line, channelData: { notification: { alert: true } } };
  if (notification.detail === 'minimal') return { ...base, text: line, textFormat: 'plain' };
  return { ...base, attachments: [cardAttachment(card(notification, now))] };
}

function card(notification: Notification, now: Date): AdaptiveCard {
  const { lang, content, links } = notification;
  const compact = notification.detail === 'compact';
  const itemUrl = links ? itemUrlResolver(links) : () => '';
  const insiteUrl = links?.insiteUrl ?? '';
  switch (content.type) {
    case 'item':
      return buildItemNotificationCard({ lang, item: content.item, url: itemUrl(content.item), compact, ...(content.actions ? { actions: content.actions } : {}) });
    case 'summary':
      return buildNotificationSummaryCard({ lang, items: content.items, counts: content.counts, itemUrl, insiteUrl, compact });
    case 'baseline':
      return buildBaselineCard(lang, content.counts, content.atLeast);
    case 'reactivate':
      return buildReactivationCard(lang);
    case 'oauthInvite':
      return buildSignInCard({ lang, startUrl: content.startUrl, reason: 'migrate' });
    case 'digest':
      return buildDigestCard({ lang, tasks: content.tasks, signals: content.signals, itemUrl, insiteUrl, now, compact });
  }
}

/** One sentence saying what the message is about. */
function textLine(content: NotificationContent, lang: Language, titleLength: number): string {
  switch (content.type) {
    case 'item': {
      const kind = translate(lang, content.item.kind === 'signal' ? 'notify.newSignal' : 'notify.newTask');
      const title = plainText(content.item.title, titleLength) || translate(lang, 'list.untitled');
      return translate(lang, 'notify.text.item', { kind, title });
    }
    case 'summary':
      return translate(lang, 'notify.text.summary', { items: newCountsPhrase(lang, content.counts) });
    case 'baseline':
      return translate(lang, 'notify.baseline.body', { items: openCountsPhrase(lang, content.counts, content.atLeast) });
    case 'reactivate':
      return translate(lang, 'notify.reactivate.body');
    case 'oauthInvite':
      return translate(lang, 'oauth.card.migrate');
    case 'digest':
      return translate(lang, 'notify.text.digest', { tasks: countPhrase(lang, 'task', content.tasks.total, content.tasks.truncated), signals: countPhrase(lang, 'signal', content.signals.total, content.signals.truncated) });
  }
}
