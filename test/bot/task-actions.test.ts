import { workflowTaskFor } from '../../sandbox';
import { cardPayloadBytes, CARD_PAYLOAD_BUDGET_BYTES } from '../../bot/cards/card-size';
import { actions, visibleText, type FoundAction } from '../support/card-inspection';
import { BotHarness, type TestUser } from '../support/bot-harness';
import { activateByChat, JAN, onlyCard, PIETER } from '../support/transcript';

type ActData = { s: string; a: number | 'c'; g: string; reaction?: string };

const posts = (h: BotHarness) => h.sandbox.stats.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/knsubjectworkflowreaction')).length;

/** The task row of the sandbox whose step is `taskname` (and not the parallel approval). */
function sandboxTask(h: BotHarness, userId: string, taskname: string): Record<string, unknown> {
  return h.sandbox.tasksOf(userId).find((t) => t.taskname === taskname && t._handledMeanwhileBy === undefined)!;
}

/** The Action.Execute buttons of a card that act on the task on dossier item `subjectId`. */
function taskButtons(card: unknown, subjectId: unknown): FoundAction[] {
  return actions(card).filter((a) => a.verb !== undefined && (a.data as { s?: string } | undefined)?.s === String(subjectId));
}

function button(card: unknown, subjectId: unknown, title: string): FoundAction {
  const found = taskButtons(card, subjectId).find((a) => a.title === title);
  if (!found) throw new Error(`no "${title}" for ${String(subjectId)} among ${taskButtons(card, subjectId).map((a) => a.title).join(', ')}`);
  return found;
}

const click = (user: TestUser, b: FoundAction, extra: Record<string, unknown> = {}) => user.click(b.verb!, { ...(b.data as object), ...extra });

describe('acting on AFAS tasks from the chat', () => {
  let h: BotHarness;
  let jan: TestUser;

  beforeEach(async () => {
    h = await BotHarness.start();
    jan = h.user(h.newBot());
    await activateByChat(h, jan, JAN);
    h.sandbox.stats.reset();
  });
  afterEach(() => h.close());

  it('"my tasks" offers AFAS\'s handle actions under each task in SeqNo order, and "More…", for two extra AFAS calls', async () => {
    const card = onlyCard(await jan.say('my tasks'));
    expect(h.sandbox.stats.requests.map((r) => r.path.split('/').pop())).toEqual(['Teams_Tasks', 'Profit_Subject_Tasks', 'Profit_Workflowactions']);
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    expect(taskButtons(card, claim.subjectid).map((a) => a.title)).toEqual(['Goedkeuren', 'Afkeuren', 'More…']);
    expect(taskButtons(card, sandboxTask(h, JAN, 'Kennisnemen ziekmelding').subjectid).map((a) => a.title)).toEqual(['Afhandelen', 'More…']);
    // The card carries no AFAS GUID: only the subject, the action's position and a signature.
    expect(JSON.stringify(card)).not.toContain(workflowTaskFor('Beoordelen declaratie')!.taskGuid);
  });

  it('approving replaces the card with "Approved by you at <time> — <task>", the task leaves AFAS and the list, and the audit log has it', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const card = onlyCard(await jan.say('my tasks'));
    const result = visibleText(onlyCard(await click(jan, button(card, claim.subjectid, 'Goedkeuren'))));
    expect(result).toContain(`Approved by you at 09:00 — ${String(claim.description)}`);
    expect(posts(h)).toBe(1);
    expect(h.sandbox.reactions()).toEqual([expect.objectContaining({ taskId: claim.guid_task, action: 'Goedkeuren', text: '' })]);
    expect(visibleText(onlyCard(await jan.say('my tasks')))).not.toContain(String(claim.description));
    const [event] = await h.storage.audit.list({ limit: 5, tenantId: jan.key.tenantId });
    expect(event).toMatchObject({ actor: `${jan.key.tenantId}/${jan.key.aadObjectId}`, action: 'task.action', tenantId: jan.key.tenantId, details: expect.objectContaining({ subjectId: String(claim.subjectid), action: 'Goedkeuren', outcome: 'done', via: 'chat' }) });
  });

  it('rejecting with a reaction: "More…" shows the task card with a text box; the text goes to AFAS, not to the audit log', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const more = button(onlyCard(await jan.say('my tasks')), claim.subjectid, 'More…');
    const taskCard = onlyCard(await click(jan, more));
    expect(visibleText(taskCard)).toContain(String(claim.description));
    expect(actions(taskCard).map((a) => a.title)).toEqual(expect.arrayContaining(['Goedkeuren', 'Afkeuren', 'More', 'Doorsturen naar controller', 'Send reaction only', 'Open in AFAS']));
    const reply = visibleText(onlyCard(await click(jan, button(taskCard, claim.subjectid, 'Afkeuren'), { reaction: 'Bon ontbreekt, graag opnieuw indienen.' })));
    expect(reply).toContain(`Rejected by you at 09:00 — ${String(claim.description)}`);
    expect(h.sandbox.reactions()).toEqual([expect.objectContaining({ action: 'Afkeuren', text: 'Bon ontbreekt, graag opnieuw indienen.' })]);
    expect(JSON.stringify(await h.storage.audit.list({ limit: 5 }))).not.toContain('Bon ontbreekt');
  });

  it('a ter-info task is handled with its single action', async () => {
    const info = sandboxTask(h, JAN, 'Kennisnemen ziekmelding');
    const reply = await click(jan, button(onlyCard(await jan.say('my tasks')), info.subjectid, 'Afhandelen'));
    expect(visibleText(onlyCard(reply))).toContain(`Handled by you at 09:00 — ${String(info.description)}`);
    expect(h.sandbox.tasksOf(JAN).map((t) => t.guid_task)).not.toContain(info.guid_task);
  });

  it('a task handled elsewhere meanwhile answers "Already handled in AFAS" without a POST', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const card = onlyCard(await jan.say('my tasks'));
    h.sandbox.handleTaskElsewhere(JAN, String(claim.guid_task), 'Fleur Bakker');
    expect(visibleText(onlyCard(await click(jan, button(card, claim.subjectid, 'Goedkeuren'))))).toContain('Already handled in AFAS');
    expect(posts(h)).toBe(0);
  });

  it('a parallel approval another approver took first: AFAS refuses the POST and the answer is "Already handled in AFAS"', async () => {
    const shared = h.sandbox.tasksOf(JAN).find((t) => t._handledMeanwhileBy === 'Fleur Bakker')!;
    const card = onlyCard(await jan.say('my tasks'));
    const reply = visibleText(onlyCard(await click(jan, taskButtons(card, shared.subjectid)[0])));
    expect(reply).toContain(`Already handled in AFAS — ${String(shared.description)}`);
    expect(posts(h)).toBe(1);
    const [event] = await h.storage.audit.list({ limit: 1 });
    expect(event.details).toMatchObject({ outcome: 'already_handled', profitLogReference: expect.any(String) });
  });

  it('a double click and repeated invokes post once; a repeat after a restart answers the same without posting', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const approve = button(onlyCard(await jan.say('my tasks')), claim.subjectid, 'Goedkeuren');
    h.sandbox.faults.set({ kind: 'latency', ms: 150, path: 'KnSubjectWorkflowReaction' });
    const twin = h.user(h.newBot());
    const [first, second] = await Promise.all([click(jan, approve), click(twin, approve)]);
    h.sandbox.faults.clear();
    const answers = [visibleText(onlyCard(first)), visibleText(onlyCard(second))];
    expect(answers.some((t) => t.includes('Approved by you at 09:00'))).toBe(true);
    expect(posts(h)).toBe(1);
    expect(visibleText(onlyCard(await click(jan, approve)))).toContain('Approved by you at 09:00');
    const afterRestart = h.user(h.newBot());
    expect(visibleText(onlyCard(await click(afterRestart, approve)))).toContain('Approved by you at 09:00');
    expect(posts(h)).toBe(1);
    expect(h.sandbox.reactions()).toHaveLength(1);
  });

  it('forged card data posts nothing: an altered signature, another action\'s position, someone else\'s task', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const card = onlyCard(await jan.say('my tasks'));
    const approve = button(card, claim.subjectid, 'Goedkeuren').data as ActData;
    expect(visibleText(onlyCard(await jan.click('task.act', { ...approve, g: `${approve.g.slice(0, -2)}AA` })))).toContain('This button is out of date');
    expect(visibleText(onlyCard(await jan.click('task.act', { ...approve, a: 2 })))).toContain('This button is out of date');
    const fleurs = sandboxTask(h, 'fleur.bakker@horizon-groep.example', 'Accorderen uren');
    expect(visibleText(onlyCard(await jan.click('task.act', { ...approve, s: String(fleurs.subjectid) })))).toContain('Already handled in AFAS');
    expect(visibleText(onlyCard(await jan.click('task.act', { ...approve, a: 'x', g: '<script>' })))).toContain('');
    expect(posts(h)).toBe(0);
    expect(h.sandbox.tasksOf(JAN)).toHaveLength(9);
  });

  it('a reaction that is too long or holds control characters is refused before anything is sent', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const approve = button(onlyCard(await jan.say('my tasks')), claim.subjectid, 'Goedkeuren');
    h.sandbox.stats.reset();
    expect(visibleText(onlyCard(await click(jan, approve, { reaction: 'x'.repeat(1001) })))).toContain('longer than 1,000 characters');
    expect(visibleText(onlyCard(await click(jan, approve, { reaction: 'ok\u0007' })))).toContain('characters AFAS cannot take');
    expect(h.sandbox.stats.requests).toEqual([]);
  });

  it('AFAS 401 on the POST asks to activate again; 500 shows AFAS\'s words and reference; 503 says until when', async () => {
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const approve = button(onlyCard(await jan.say('my tasks')), claim.subjectid, 'Goedkeuren');
    h.sandbox.faults.set({ kind: 'functional-error', path: 'KnSubjectWorkflowReaction', message: 'Budget overschreden', profitLogReference: 'REF-500', times: 1 });
    const refused = visibleText(onlyCard(await click(jan, approve)));
    expect(refused).toContain(`AFAS did not accept it — ${String(claim.description)}`);
    expect(refused).toContain('AFAS says: Budget overschreden');
    expect(refused).toContain('REF-500');
    h.sandbox.faults.set({ kind: 'unavailable', path: 'KnSubjectWorkflowReaction', retryAfterSeconds: 7200, times: 1 });
    expect(visibleText(onlyCard(await click(jan, approve)))).toContain('AFAS is down for maintenance until about');
    h.sandbox.faults.set({ kind: 'unauthorized', path: 'KnSubjectWorkflowReaction', times: 1 });
    expect(visibleText(onlyCard(await click(jan, approve)))).toContain('Activate again');
    expect((await h.storage.activations.get(jan.key))?.status).toBe('invalid');
    expect(posts(h)).toBe(3);
    expect(h.sandbox.reactions()).toEqual([]);
    const outcomes = (await h.storage.audit.list({ limit: 3 })).map((e) => e.details.outcome);
    expect(outcomes).toEqual(['expired', 'unavailable', 'afas_error']);
  });

  it('answers in Dutch: "Goedgekeurd door jou om 09:00 — …"', async () => {
    const dutch = h.user(h.newBot(), { aadObjectId: 'aad-jan', locale: 'nl-NL' });
    const claim = sandboxTask(h, JAN, 'Beoordelen declaratie');
    const card = onlyCard(await dutch.say('mijn taken'));
    expect(taskButtons(card, claim.subjectid).map((a) => a.title)).toEqual(['Goedkeuren', 'Afkeuren', 'Meer…']);
    expect(visibleText(onlyCard(await click(dutch, button(card, claim.subjectid, 'Goedkeuren'))))).toContain(`Goedgekeurd door jou om 09:00 — ${String(claim.description)}`);
  });
});

describe('a tasks card with actions on ten tasks', () => {
  it('shows all ten with their buttons, schema-valid and within the message budget', async () => {
    const h = await BotHarness.start();
    try {
      const pieter = h.user(h.newBot(), { aadObjectId: 'aad-pieter', name: 'Pieter Visser' });
      await activateByChat(h, pieter, PIETER);
      const card = onlyCard(await pieter.say('my tasks'));
      expect(actions(card).filter((a) => a.verb === 'task.more')).toHaveLength(10);
      expect(cardPayloadBytes(card as never)).toBeLessThanOrEqual(CARD_PAYLOAD_BUDGET_BYTES);
    } finally {
      await h.close();
    }
  });
});
