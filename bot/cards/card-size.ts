import { cardAttachment, type AdaptiveCard } from './adaptive-card';

/**
 * Teams rejects a bot message over 40 KB (413 MessageSizeTooBig), counting the whole activity as
 * UTF-16. Cards are planned to stay under 28 KB so that the activity envelope, a summary text and
 * future additions never tip a message over the hard limit.
 */
export const TEAMS_MESSAGE_LIMIT_BYTES = 40 * 1024;
export const CARD_PAYLOAD_BUDGET_BYTES = 28 * 1024;
/**
 * What the connector adds around the card (ids, `from`/`recipient`/`conversation`, `serviceUrl`,
 * `replyToId`, channel data). Measured activities carry well under 1 KB of it; 2 KB leaves room.
 */
export const ACTIVITY_ENVELOPE_ALLOWANCE_BYTES = 2 * 1024;

/**
 * The size Teams counts for a message carrying this card: `JSON.stringify` of the activity with the
 * card attachment, at 2 bytes per UTF-16 code unit. Excludes the envelope allowance.
 */
export function cardPayloadBytes(card: AdaptiveCard): number {
  const activity = { type: 'message', attachments: [cardAttachment(card)] };
  return JSON.stringify(activity).length * 2;
}

/** True when the card plus the envelope allowance stays within the 28 KB budget. */
export function fitsMessageBudget(card: AdaptiveCard): boolean {
  return cardPayloadBytes(card) + ACTIVITY_ENVELOPE_ALLOWANCE_BYTES <= CARD_PAYLOAD_BUDGET_BYTES;
}
