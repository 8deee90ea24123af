import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './cards/adaptive-card';

/**
 * Where a card goes in this turn. In an `adaptiveCard/action` invoke the first card replaces the
 * card the user clicked (the invoke response); any further card, and every card in a message turn,
 * is sent as a new message.
 */
export class CardReplies {
  private invokeCard: AdaptiveCard | null = null;
  private keepClickedCard = false;

  constructor(private readonly context: TurnContext) {}

  private get isCardAction(): boolean {
    return this.context.activity.type === ActivityTypes.Invoke && this.context.activity.name === 'adaptiveCard/action';
  }

  async send(card: AdaptiveCard, options: { asNewMessage?: boolean } = {}): Promise<void> {
    if (this.isCardAction && this.invokeCard === null && !options.asNewMessage && !this.keepClickedCard) {
      this.invokeCard = card;
      // Lets dialogs know the turn has answered, as sendActivity would.
      this.context.responded = true;
      return;
    }
    await this.context.sendActivity(cardMessage(card));
  }

  /** Every card of this turn becomes a new message: the clicked card stays as it is (command buttons). */
  answerAsNewMessages(): void {
    this.keepClickedCard = true;
  }

  /** The card for the invoke response, if one was chosen. */
  get replacementCard(): AdaptiveCard | null {
    return this.invokeCard;
  }
}

export function cardMessage(card: AdaptiveCard, extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)], ...extra };
}
