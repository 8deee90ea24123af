import { adaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from './adaptive-card';
import { heading, paragraph } from './rich-text';

/** Not a colour: Teams' green and yellow text fail WCAG AA, so any tone but info is bold text. */
export type MessageTone = 'info' | 'success' | 'warning' | 'error';


export interface MessageCardInput {
  /** The sentence, already translated; may carry AFAS values (rendered as literal text). */
  readonly text: string;
  readonly tone?: MessageTone;
  readonly title?: string;
  /** Further sentences under the main one, in subtle text. */
  readonly details?: readonly string[];
  readonly actions?: readonly CardAction[];
}

/** A short info, success or error message, optionally with a title, details and buttons. */
export function buildMessageCard(input: MessageCardInput): AdaptiveCard {
  const tone = input.tone ?? 'info';
  const body: CardElement[] = [];
  if (input.title !== undefined) body.push(heading(input.title));
  body.push(paragraph(input.text, tone === 'info' ? {} : { weight: 'bolder' }, input.title !== undefined ? { spacing: 'small' } : {}));
  for (const detail of input.details ?? []) body.push(paragraph(detail, { isSubtle: true }, { spacing: 'small' }));
  return adaptiveCard(body, input.actions ?? []);
}
