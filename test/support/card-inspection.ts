/**
 * Read-only walks over card JSON for assertions: what text a user would see, which buttons exist.
 * Typed loosely on purpose (`unknown` in), so the same helpers work on any builder's output.
 */
export interface FoundAction {
  readonly type: string;
  readonly title?: string;
  readonly verb?: string;
  readonly url?: string;
  readonly data?: unknown;
  readonly mode?: string;
  /** True for the card's own `actions`, false for those inside the body. */
  readonly topLevel: boolean;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(value: unknown, visit: (node: Json, key: string | null) => void, key: string | null = null): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit, key);
  } else if (isObject(value)) {
    visit(value, key);
    for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  }
}

/** Every element or action object of a given `type`, anywhere in the card. */
export function nodesOfType(card: unknown, type: string): Json[] {
  const found: Json[] = [];
  walk(card, (node) => {
    if (node.type === type) found.push(node);
  });
  return found;
}

/** The text of every TextRun, in order. */
export function textRuns(card: unknown): string[] {
  return nodesOfType(card, 'TextRun').map((run) => String(run.text));
}

/** What the user reads: TextRuns joined per RichTextBlock, one block a line. */
export function visibleLines(card: unknown): string[] {
  return nodesOfType(card, 'RichTextBlock').map((block) => (block.inlines as Json[]).map((run) => String(run.text)).join(''));
}

export function visibleText(card: unknown): string {
  return visibleLines(card).join('\n');
}

export function actions(card: unknown): FoundAction[] {
  const topLevel = new Set<unknown>(isObject(card) && Array.isArray(card.actions) ? card.actions : []);
  const found: FoundAction[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) {
      found.push({
        type: node.type,
        title: node.title as string | undefined,
        verb: node.verb as string | undefined,
        url: node.url as string | undefined,
        data: node.data,
        mode: node.mode as string | undefined,
        topLevel: topLevel.has(node),
      });
    }
  });
  return found;
}

export function topLevelActionTitles(card: unknown): string[] {
  return actions(card).filter((a) => a.topLevel).map((a) => a.title ?? '');
}
