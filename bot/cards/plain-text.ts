/**
 * Makes any string (AFAS titles, names, types, AFAS error reasons, the user's own input) safe to
 * show as literal text in a Teams Adaptive Card.
 *
 * Why this is enough: cards render every string only as a `TextRun` inside a `RichTextBlock`.
 * The Adaptive Cards spec says TextRun text is not markdown-processed (unlike `TextBlock`, and
 * `FactSet` facts, where `[x](url)`, `**b**`, `_i_`, `- lists` are live). Backslash-escaping
 * markdown inside a TextBlock is no alternative: Teams desktop, iOS and Android disagree on it
 * (AdaptiveCards#5590, msteams-docs#5793), so some users would see backslashes. HTML is never
 * rendered by Adaptive Cards. What TextRun still does is:
 *   - expand `{{DATE(...)}}` / `{{TIME(...)}}` (the JS renderer runs its date formatter over every
 *     TextRun): a WORD JOINER (U+2060, invisible, zero width) is put between the two braces;
 *   - in Teams, `<at>Name</at>` becomes a mention only with a matching `msteams.entities` entry,
 *     which these cards never carry; a WORD JOINER after `<` breaks the tag as well, so no future
 *     entity list can bind to AFAS text.
 * Besides that, control characters (including bidi overrides that could disguise text) are dropped,
 * line breaks become spaces, lone surrogates are replaced, and long text is cut with "…".
 */
export const WORD_JOINER = '\u2060';
export const ELLIPSIS = '…';

/** A title longer than this many characters is cut; enough for any real AFAS task description. */
export const MAX_TITLE_LENGTH = 200;
/** Names, types and similar short fields. */
export const MAX_SHORT_TEXT_LENGTH = 100;
/** Anything else (our own sentences with parameters filled in, AFAS error reasons). */
export const MAX_TEXT_LENGTH = 1000;

const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_AND_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TEMPLATE_OPEN = /\{(?=\{)/g;
const MENTION_TAG = /<(?=\/?at)/gi;

function truncate(text: string, maxLength: number, alreadyCut: boolean): string {
  const codePoints = Array.from(text);
  if (!alreadyCut && codePoints.length <= maxLength) return text;
  return codePoints.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd() + ELLIPSIS;
}

/** Hostile text in, literal one-line text out, at most `maxLength` characters (plus joiners). */
export function plainText(text: string, maxLength: number = MAX_TEXT_LENGTH): string {
  // Bound the work on huge inputs before cleaning; cleaning only ever shortens text.
  const bound = maxLength * 4 + 16;
  const cut = text.length > bound;
  const cleaned = (cut ? text.slice(0, bound) : text)
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(LINE_BREAKS_AND_TABS, ' ')
    .replace(CONTROL_AND_BIDI, '')
    // No-break spaces stay: they keep "€ 350,88" on one line.
    .replace(/[^\S\u00a0]+/g, ' ')
    .trim();
  return truncate(cleaned, maxLength, cut)
    .replace(TEMPLATE_OPEN, `{${WORD_JOINER}`)
    .replace(MENTION_TAG, `<${WORD_JOINER}`);
}
