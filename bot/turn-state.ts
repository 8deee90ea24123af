import type { TurnContext } from 'botbuilder';
import type { BotTurn } from './bot-turn';

const BOT_TURN = Symbol('afasBotTurn');

/** Dialogs are built once; the turn they run in reaches them through the TurnContext. */
export function attachBotTurn(context: TurnContext, turn: BotTurn): void {
  context.turnState.set(BOT_TURN, turn);
}

export function botTurnOf(context: TurnContext): BotTurn {
  const turn = context.turnState.get(BOT_TURN) as BotTurn | undefined;
  if (!turn) throw new Error('no bot turn attached to this TurnContext');
  return turn;
}
