import { conversationFrame } from './playground-wire';

/** One thing the bot did, as the Playground's web app sees it. */
export interface PlaygroundActivity {
  /** message = a new message; update = the bot updated one (updateActivity); typing = typing indicator. */
  readonly kind: 'message' | 'update' | 'typing';
  readonly conversationId: string;
  readonly messageId: string | null;
  readonly text: string | null;
  readonly attachments: readonly { readonly contentType: string; readonly content: unknown }[];
  /** The Adaptive Cards among the attachments. */
  readonly cards: readonly Record<string, unknown>[];
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** A conversation-stream frame as an activity; null for a frame that is not JSON or not bot output. */
export function toPlaygroundActivity(raw: string): PlaygroundActivity | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = conversationFrame.safeParse(json);
  if (!parsed.success) return null;
  const frame = parsed.data;
  const message = frame.action === 'typing' ? null : frame.message;
  const attachments = message?.attachments ?? [];
  return {
    kind: frame.action === 'createMessage' ? 'message' : frame.action === 'updateMessage' ? 'update' : 'typing',
    conversationId: frame.actionConversationId,
    messageId: message?.messageId ?? null,
    text: message?.text ?? null,
    attachments,
    cards: attachments.map((a) => (a.contentType === ADAPTIVE ? a.content : null)).filter(isRecord),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
