import type { RichTextBlock, Spacing, TextRun } from './adaptive-card';
import { MAX_TEXT_LENGTH, plainText } from './plain-text';

export type TextRunStyle = Omit<TextRun, 'type' | 'text'>;

/**
 * The only way cards put text on screen: a TextRun, whose text is never markdown-processed, with
 * the text passed through `plainText`. Our own catalogue sentences go through it too, because
 * they carry AFAS values as parameters.
 */
export function textRun(text: string, style: TextRunStyle = {}, maxLength: number = MAX_TEXT_LENGTH): TextRun {
  return { type: 'TextRun', text: plainText(text, maxLength), ...style };
}

export interface RichTextOptions {
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

/** A paragraph made of runs. */
export function richText(inlines: readonly TextRun[], options: RichTextOptions = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines, ...options };
}

/** A paragraph of one run: the common case. */
export function paragraph(text: string, style: TextRunStyle = {}, options: RichTextOptions = {}): RichTextBlock {
  return richText([textRun(text, style)], options);
}

/** A card heading. */
export function heading(text: string): RichTextBlock {
  return paragraph(text, { weight: 'bolder', size: 'medium' });
}

/** A run of our own constant punctuation (" · "), kept as is: `textRun` would trim its spaces. */
export function separatorRun(text: string, style: TextRunStyle = {}): TextRun {
  return { type: 'TextRun', text, ...style };
}
