import { actions, visibleLines } from '../support/card-inspection';
import { linkTarget, linkToken } from '../support/open-links';
import { BotHarness, INSITE, PUBLIC_URL, type TestUser } from '../support/bot-harness';
import { activateByChat, JAN, onlyCard } from '../support/transcript';

/** The "Open" buttons of a list card: title line shown for each item, and where its link goes. */
function openLinks(card: unknown): string[] {
  return actions(card).filter((a) => a.type === 'Action.OpenUrl' && a.title === 'Open').map((a) => a.url ?? '');
}

const newLines = (card: unknown) => visibleLines(card).filter((line) => line.startsWith('New · '));

/** Defect 6, the chat's part: an item opened from a card reads as opened in the cards after it. */
describe('items opened from chat cards', () => {
  let h: BotHarness;
  let jan: TestUser;

  beforeAll(async () => {
    h = await BotHarness.start();
    jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
  });
  afterAll(() => h.close());

  it('"Open" goes through our server, on to the item in AFAS InSite', async () => {
    const links = openLinks(onlyCard(await jan.say('my tasks')));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.startsWith(`${PUBLIC_URL}/open/`)).toBe(true);
      expect(linkTarget(link).startsWith(`${INSITE}/taak?id=`)).toBe(true);
    }
  });

  it('once opened, an item is no longer "New" in the next list and summary', async () => {
    const before = onlyCard(await jan.say('my tasks'));
    const unread = newLines(before);
    expect(unread.length).toBeGreaterThan(0);
    const items = (await h.services.listWorkItems.execute(jan.key, 'task')).items;
    const item = items.find((i) => i.unread)!;
    expect(visibleLines(onlyCard(await jan.say('summary')))).toContain(`New · ${item.title}`);
    const link = openLinks(before).find((url) => linkTarget(url).endsWith(encodeURIComponent(String(item.fields.guid_task))))!;

    const followed = await h.services.openTracking!.follow(linkToken(link));
    expect(followed).toMatchObject({ user: jan.key, kind: 'task', id: item.id, url: linkTarget(link) });

    const after = onlyCard(await jan.say('my tasks'));
    expect(newLines(after)).toHaveLength(unread.length - 1);
    expect(newLines(after).some((line) => line.endsWith(item.title))).toBe(false);
    expect(visibleLines(onlyCard(await jan.say('summary'))).some((line) => line === `New · ${item.title}`)).toBe(false);
  });

  it('a link altered to name another user, item or address is refused and marks nothing', async () => {
    const link = openLinks(onlyCard(await jan.say('my tasks')))[0];
    const [payload, signature] = linkToken(link).split('.');
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, string>;
    for (const change of [{ a: 'aad-someone-else' }, { i: 'another-item' }, { u: 'https://evil.example/' }]) {
      const forged = Buffer.from(JSON.stringify({ ...claim, ...change })).toString('base64url');
      expect(await h.services.openTracking!.follow(`${forged}.${signature}`)).toBeNull();
    }
    expect(await h.services.openTracking!.follow(`${payload}.${signature.slice(1)}A`)).toBeNull();
    expect(await h.services.openTracking!.follow('not-a-token')).toBeNull();
  });
});
