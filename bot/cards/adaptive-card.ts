/**
 * The slice of the Adaptive Card 1.5 schema this product emits, as plain JSON types. Builders
 * return these objects; nothing here imports botbuilder, so cards stay data that tests can
 * validate against the official schema and the tab can reuse.
 */
import { AppError } from '../../src/domain/app-error';

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams' host config shows at most this many top-level actions. */
export const MAX_TOP_LEVEL_ACTIONS = 6;

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
/**
 * The text colours our cards use: those that reach WCAG AA (4.5:1) on Teams' light and dark themes.
 * Teams' "good" (#92c353) and "warning" (#f8d22a) stay under 2:1 on white and "attention" under
 * 3.3:1 on the dark background, so a card's tone is said in bold text and words instead.
 */
export type TextColor = 'default' | 'accent';

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
  readonly mode?: 'primary' | 'secondary';
}

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: JsonObject;
  readonly associatedInputs?: 'auto' | 'none';
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly mode?: 'primary' | 'secondary';
}

/** Shows a nested card under the button (in Teams, below the action row). */
export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[]; readonly actions?: readonly CardAction[] };
  readonly mode?: 'primary' | 'secondary';
}

export type CardAction = OpenUrlAction | ExecuteAction | ShowCardAction;

export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly weight?: 'default' | 'lighter' | 'bolder';
  readonly size?: 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly italic?: boolean;
  readonly selectAction?: OpenUrlAction;
}

export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
}

export interface Column {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  readonly width?: 'auto' | 'stretch' | string;
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
  readonly spacing?: Spacing;
}

export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
  readonly maxLength?: number;
  readonly isMultiline?: boolean;
  readonly style?: 'text' | 'tel' | 'url' | 'email' | 'password';
  readonly spacing?: Spacing;
}

export type CardElement = RichTextBlock | Container | ColumnSet | ActionSet | InputText;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof CARD_SCHEMA;
  readonly version: typeof CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

/** A card pinned to the version and schema Teams renders; empty action lists are left out. */
export function adaptiveCard(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  if (actions.length > MAX_TOP_LEVEL_ACTIONS) {
    throw new AppError('card_too_many_actions', `an Adaptive Card in Teams shows at most ${MAX_TOP_LEVEL_ACTIONS} top-level actions, got ${actions.length}`);
  }
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

export interface CardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
}

export function cardAttachment(card: AdaptiveCard): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
