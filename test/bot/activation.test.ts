import { visibleText } from '../support/card-inspection';
import { expectValidCard } from '../support/adaptive-card-validator';
import { BotHarness, cardsOf } from './bot-harness';

const JAN = 'jan.devries@horizon-groep.example';

describe('activating with the code AFAS e-mails', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await BotHarness.start();
  });
  afterEach(() => h.close());

  it('asks for the AFAS user, requests a code, accepts the code and shows the tasks', async () => {
    const user = h.user(h.newBot());
    let cards = cardsOf(await user.say('activate'));
    expect(visibleText(cards[0])).toMatch(/Which AFAS user are you/);

    cards = cardsOf(await user.say(JAN));
    expect(visibleText(cards[0])).toContain(`AFAS has been asked to e-mail a code to the address it holds for ${JAN}`);
    const code = h.sandbox.mailbox.latestCodeFor(JAN);
    expect(code).toMatch(/^\d{8}$/);

    const replies = await user.say(code!);
    cards = cardsOf(replies);
    for (const card of cards) expectValidCard(card);
    expect(visibleText(cards[0])).toContain(`Teams is now linked to AFAS user ${JAN}`);
    expect(visibleText(cards[1])).toMatch(/9 open tasks/);
    expect((await h.storage.activations.get(user.key))?.status).toBe('active');
  });
});
