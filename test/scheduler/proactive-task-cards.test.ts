import { expectValidCard } from '../support/adaptive-card-validator';
import { actions, visibleText } from '../support/card-inspection';
import { JAN, MINUTE, NotificationHarness } from '../support/notification-harness';

/** A new expense claim for Jan, dated now, on its own dossier item. */
function addClaim(h: NotificationHarness): Record<string, unknown> {
  h.sandbox.addTask(JAN, { taskname: 'Beoordelen declaratie', subjecttype: 'Declaratie', description: 'Declaratie parkeerkosten oktober', guid_task: 'task-new-claim', subjectid: 90001 });
  return h.sandbox.tasksOf(JAN).find((t) => t.guid_task === 'task-new-claim')!;
}

/** The signature the card's "Goedkeuren" carries (the tab is offered the same one for that action). */
function approveSignature(card: unknown): string {
  return (actions(card).find((a) => a.title === 'Goedkeuren')!.data as { g: string }).g;
}

describe('proactive task cards with actions', () => {
  let h: NotificationHarness;

  beforeEach(async () => {
    h = await NotificationHarness.start();
  });
  afterEach(() => h.close());

  it('a new task arrives with its AFAS handle actions and "More…", as on the tasks card', async () => {
    const jan = await h.activate('aad-jan', JAN, { preferences: { taskNotifications: true } });
    await h.startEngine();
    await h.drive(1000);
    addClaim(h);
    await h.drive(6 * MINUTE);
    const card = h.cardsFor(jan).at(-1);
    expectValidCard(card);
    expect(visibleText(card)).toContain('Declaratie parkeerkosten oktober');
    const buttons = actions(card).filter((a) => (a.data as { s?: string } | undefined)?.s === '90001');
    expect(buttons.map((a) => a.title)).toEqual(['Goedkeuren', 'Afkeuren', 'More…']);
    expect(buttons[0]).toMatchObject({ verb: 'task.act', data: { s: '90001', a: 0, g: expect.any(String) } });
  });

  it('a proactive task card updated after acting in the tab: the sent card shows "Approved by you at …"', async () => {
    const jan = await h.activate('aad-jan', JAN, { preferences: { taskNotifications: true } });
    await h.startEngine();
    await h.drive(1000);
    addClaim(h);
    await h.drive(6 * MINUTE);
    const sent = h.activitiesFor(jan).at(-1)!;
    const cardId = h.connector.requests.length; // the fake answers POSTs with ids sent-1, sent-2, …
    const signature = approveSignature(h.cardsFor(jan).at(-1));

    const result = await h.useCases.actOnTask.execute({ user: jan, subjectId: '90001', action: 0, signature, text: '', via: 'tab' });

    expect(result).toMatchObject({ status: 'done', action: 'Goedkeuren' });
    const update = h.activitiesFor(jan).find((r) => r.method === 'PUT');
    expect(update).toMatchObject({ replyToId: `sent-${cardId}` });
    expect(sent.method).toBe('POST');
    const card = (update!.activity.attachments as { content: unknown }[])[0].content;
    expectValidCard(card);
    expect(visibleText(card)).toContain('Approved by you at 09:06 — Declaratie parkeerkosten oktober');
    expect(actions(card).some((a) => a.verb === 'task.act')).toBe(false);
    // Done once: a later act (here: AFAS says the task is gone) leaves the card alone.
    await h.useCases.actOnTask.execute({ user: jan, subjectId: '90001', action: 1, signature, text: '', via: 'chat' });
    expect(h.activitiesFor(jan).filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('a click on the proactive card itself is not followed by an update of that card (the invoke answer replaced it)', async () => {
    const jan = await h.activate('aad-jan', JAN, { preferences: { taskNotifications: true } });
    await h.startEngine();
    await h.drive(1000);
    addClaim(h);
    await h.drive(6 * MINUTE);
    const signature = approveSignature(h.cardsFor(jan).at(-1));
    const result = await h.useCases.actOnTask.execute({ user: jan, subjectId: '90001', action: 0, signature, text: '', via: 'chat', cardActivityId: `sent-${h.connector.requests.length}` });
    expect(result).toMatchObject({ status: 'done' });
    expect(h.activitiesFor(jan).filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});
