import { FakeAdminApi } from './admin-fake-api';
import { auditEvent, OWNER_ME, TENANT } from './admin-fixtures';
import { startAdminTab } from './admin-dom';

const ACTOR = `${TENANT}/aad-jan`;

/** Task events as ActOnTask writes them: the subject, AFAS's task GUID, the action's words, the outcome, where from; never the text. */
function taskEvent(id: number, action: 'task.action' | 'task.comment', details: Record<string, unknown>) {
  return auditEvent(id, { action, actor: ACTOR, target: 'subject:33476', targetName: null, details: { subjectId: '33476', taskId: '7d1c0c9e-0000-4000-8000-00000000000a', action: null, via: 'chat', withText: false, ...details } });
}

const EVENTS = [
  taskEvent(6, 'task.action', { action: 'Goedkeuren', outcome: 'done', via: 'tab', withText: true }),
  taskEvent(5, 'task.action', { action: 'Akkoord', outcome: 'already_handled', profitLogReference: 'REF-1' }),
  taskEvent(4, 'task.action', { action: 'Afkeuren', outcome: 'afas_error', profitLogReference: 'REF-500' }),
  taskEvent(3, 'task.action', { action: 'Afhandelen', outcome: 'unavailable', code: 'afas_unavailable' }),
  taskEvent(2, 'task.action', { action: 'Goedkeuren', outcome: 'expired' }),
  taskEvent(1, 'task.comment', { outcome: 'done', via: 'tab', withText: true }),
];

async function auditLines(locale: string, tabName: string): Promise<(string | null | undefined)[][]> {
  const admin = new FakeAdminApi().answer('me', OWNER_ME).answer('connections', []).answer('audit', EVENTS);
  const tab = await startAdminTab(admin, { locale });
  await tab.press(tabName);
  return tab.$$('.audit-event').map((e) => [e.querySelector('.audit-what')?.textContent, e.querySelector('.audit-details')?.textContent ?? null]);
}

describe('the audit log shows actions on AFAS tasks', () => {
  it('as sentences in English: the action, the dossier item, chat or tab, and what AFAS did; the reference and that a text went along (not the text)', async () => {
    expect(await auditLines('en-GB', 'Audit log')).toEqual([
      ["'Goedkeuren' on dossier item 33476, from the tab: AFAS took it.", 'With a reaction text (not recorded).'],
      ["'Akkoord' on dossier item 33476, from the chat: it had already been handled in AFAS.", 'AFAS reference: REF-1.'],
      ["'Afkeuren' on dossier item 33476, from the chat: AFAS refused it.", 'AFAS reference: REF-500.'],
      ["'Afhandelen' on dossier item 33476, from the chat: AFAS was unavailable (maintenance).", 'Code: afas_unavailable.'],
      ["'Goedkeuren' on dossier item 33476, from the chat: AFAS no longer accepted the user's activation.", null],
      ['A reaction on dossier item 33476, from the tab: AFAS took it.', 'With a reaction text (not recorded).'],
    ]);
  });

  it('as sentences in Dutch', async () => {
    expect(await auditLines('nl-NL', 'Auditlog')).toEqual([
      ["'Goedkeuren' op dossieritem 33476, vanuit de tab: AFAS heeft het verwerkt.", 'Met een reactietekst (niet vastgelegd).'],
      ["'Akkoord' op dossieritem 33476, vanuit de chat: het was in AFAS al afgehandeld.", 'AFAS-referentie: REF-1.'],
      ["'Afkeuren' op dossieritem 33476, vanuit de chat: AFAS heeft het geweigerd.", 'AFAS-referentie: REF-500.'],
      ["'Afhandelen' op dossieritem 33476, vanuit de chat: AFAS was niet beschikbaar (onderhoud).", 'Code: afas_unavailable.'],
      ["'Goedkeuren' op dossieritem 33476, vanuit de chat: AFAS accepteerde de activering van de gebruiker niet meer.", null],
      ['Een reactie op dossieritem 33476, vanuit de tab: AFAS heeft het verwerkt.', 'Met een reactietekst (niet vastgelegd).'],
    ]);
  });
});
