import { PLAYGROUND_PEOPLE } from '../../src/dev/playground-identities';
import { startDemoApp } from '../support/demo-app';
import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, visibleText } from '../support/card-inspection';
import { PlaygroundDriver, type PlaygroundActivity } from '../support/playground-driver';

jest.setTimeout(90_000);

const JAN = PLAYGROUND_PEOPLE[0]!;

function cardText(activity: PlaygroundActivity): string {
  for (const card of activity.cards) expectValidCard(card);
  return activity.cards.map((c) => visibleText(c)).join('\n');
}

/**
 * The newcomer's path, through the real Agents Playground in front of the product in demo mode:
 * install → welcome → activate with the code from /sandbox/mail.json → "my tasks".
 */
describe('the bot in the Agents Playground', () => {
  let demo: Awaited<ReturnType<typeof startDemoApp>>;
  let driver: PlaygroundDriver;

  beforeAll(async () => {
    demo = await startDemoApp({ PLAYGROUND: 'true', PLAYGROUND_PORT: '0' });
    if (!demo.app.playgroundUrl) throw new Error(`the Playground did not start: ${demo.logger.text()}`);
    driver = new PlaygroundDriver();
    await driver.connect(demo.app.playgroundUrl);
  }, 120_000);

  afterAll(async () => {
    await driver?.close();
    await demo?.stop();
  });

  const withCard = (pattern: RegExp) => (a: PlaygroundActivity) => a.cards.some((c) => pattern.test(visibleText(c)));

  it('welcomes on install, activates with the e-mailed code and shows the tasks', async () => {
    await driver.install();
    const welcome = await driver.nextActivity(withCard(/Welcome to AFAS for Teams/));
    expect(cardText(welcome)).toMatch(/AFAS e-mails you a code/);
    expect(welcome.cards.flatMap((c) => actions(c).map((a) => a.title))).toContain('Activate');

    await driver.sendText('activate');
    await driver.nextActivity(withCard(/Which AFAS user are you/));
    await driver.sendText(JAN.email);
    const codeCard = await driver.nextActivity(withCard(/e-mail a code/));
    expect(cardText(codeCard)).toContain(JAN.email);

    const mails = (await (await fetch(`${demo.app.origin}/sandbox/mail.json`)).json()) as { to: string; code: string }[];
    const code = mails.find((m) => m.to === JAN.email)?.code;
    expect(code).toMatch(/^\d{8}$/);
    await driver.sendText(code!);
    const activated = await driver.nextActivity(withCard(/now linked to AFAS user/));
    expect(cardText(activated)).toMatch(/9 open tasks/);

    await driver.sendText('my tasks');
    const tasks = await driver.nextActivity(withCard(/My tasks/));
    expect(cardText(tasks)).toMatch(/9 open tasks/);
  });

  it('switches to Dutch on request (the Playground always says en-US) and shows the signals in Dutch', async () => {
    await driver.sendText('nederlands');
    await driver.nextActivity(withCard(/Vanaf nu antwoord ik in het Nederlands/));
    await driver.sendText('mijn signalen');
    const signals = await driver.nextActivity(withCard(/Mijn signalen/));
    expect(cardText(signals)).toMatch(/6 signalen/);
    await driver.sendText('english');
    await driver.nextActivity(withCard(/From now on I answer in English/));
    await driver.sendText('my signals');
    expect(cardText(await driver.nextActivity(withCard(/My signals/)))).toMatch(/6 signals/);
  });
});
