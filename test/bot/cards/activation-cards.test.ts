import {
  buildActivatedCard,
  buildActivationCancelledCard,
  buildActivationStoppedCard,
  buildCodeCard,
  buildUserIdCard,
  type CodeCardInput,
} from '../../../bot/cards/activation-cards';
import { parseVerbData } from '../../../bot/cards/verbs';
import type { Language } from '../../../src/domain/user-preferences';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actions, nodesOfType, topLevelActionTitles, visibleText } from '../../support/card-inspection';

const NOW = new Date('2024-07-01T08:00:00Z');

function codeInput(overrides: Partial<CodeCardInput> = {}): CodeCardInput {
  return { lang: 'en', afasUserId: '12345.jdoe', now: NOW, resendAvailableAt: null, ...overrides };
}

describe.each<Language>(['en', 'nl'])('the activation cards (%s)', (lang) => {
  it.each([
    ['asking the AFAS user', () => buildUserIdCard({ lang, suggestedUserId: 'j.doe@contoso.nl' })],
    ['asking the AFAS user without a suggestion', () => buildUserIdCard({ lang })],
    ['asking the code', () => buildCodeCard(codeInput({ lang }))],
    ['after a wrongly formatted code', () => buildCodeCard(codeInput({ lang, problem: { kind: 'wrongFormat' }, attemptsLeft: 2 }))],
    ['after a wrong code', () => buildCodeCard(codeInput({ lang, problem: { kind: 'wrongCode', reason: 'Code verlopen' }, attemptsLeft: 1 }))],
    ['while a new code cannot be requested yet', () => buildCodeCard(codeInput({ lang, resendAvailableAt: new Date('2024-07-01T08:05:00Z') }))],
    ['after a resend', () => buildCodeCard(codeInput({ lang, resent: true }))],
    ['after three wrong codes', () => buildActivationStoppedCard(lang, 3)],
    ['after cancelling', () => buildActivationCancelledCard(lang)],
    ['after success', () => buildActivatedCard({ lang, afasUserId: '12345.jdoe', taskCount: 7, signalCount: 1 })],
  ])('is a valid Teams card %s', (_name, build) => {
    expectValidCard(build());
  });
});

describe('asking for the AFAS user', () => {
  it('prefills the Teams e-mail address in a required input', () => {
    const [input] = nodesOfType(buildUserIdCard({ lang: 'en', suggestedUserId: 'j.doe@contoso.nl' }), 'Input.Text');
    expect(input).toMatchObject({ id: 'afasUserId', value: 'j.doe@contoso.nl', isRequired: true });
  });

  it('mentions both forms of user id', () => {
    expect(visibleText(buildUserIdCard({ lang: 'nl' }))).toContain('e-mailadres of de gebruikerscode');
    expect(visibleText(buildUserIdCard({ lang: 'en' }))).toContain('12345.jdoe');
  });

  it('sends the input with "Send code" but not with "Cancel"', () => {
    const found = actions(buildUserIdCard({ lang: 'en' }));
    expect(found.map((a) => [a.type, a.verb, a.title])).toEqual([
      ['Action.Execute', 'activation.submitUser', 'Send code'],
      ['Action.Execute', 'activation.cancel', 'Cancel'],
    ]);
    const card = buildUserIdCard({ lang: 'en' }) as unknown as { actions: { associatedInputs?: string }[] };
    expect(card.actions.map((a) => a.associatedInputs)).toEqual([undefined, 'none']);
  });

  it('produces the payload the submitUser schema accepts once Teams adds the input', () => {
    const [submit] = actions(buildUserIdCard({ lang: 'en' }));
    expect(parseVerbData('activation.submitUser', { ...(submit.data as object), afasUserId: ' 12345.jdoe ' })).toEqual({ ok: true, data: { afasUserId: '12345.jdoe' } });
  });
});

describe('asking for the code', () => {
  it('says AFAS was asked to e-mail the address it holds for the user', () => {
    expect(visibleText(buildCodeCard(codeInput()))).toContain('AFAS has been asked to e-mail a code to the address it holds for 12345.jdoe.');
  });

  it('lists why a mail may never come, spam first', () => {
    const text = visibleText(buildCodeCard(codeInput({ lang: 'nl' })));
    expect(text).toMatch(/ongewenste e-mail[\s\S]*geen e-mailadres[\s\S]*gebruikersgroep[\s\S]*geblokkeerd[\s\S]*mailserver[\s\S]*Profit 16/);
  });

  it('offers Activate, Send a new code and Cancel', () => {
    expect(topLevelActionTitles(buildCodeCard(codeInput()))).toEqual(['Activate', 'Send a new code', 'Cancel']);
  });

  it('tells when a new code can be requested, and keeps the button for when that time has come', () => {
    const card = buildCodeCard(codeInput({ resendAvailableAt: new Date('2024-07-01T08:05:00Z') }));
    expect(topLevelActionTitles(card)).toEqual(['Activate', 'Send a new code', 'Cancel']);
    expect(visibleText(card)).toContain('You can request a new code at 10:05.');
  });

  it("shows AFAS's reason and the attempts left after a wrong code", () => {
    const text = visibleText(buildCodeCard(codeInput({ problem: { kind: 'wrongCode', reason: 'De code is verlopen.' }, attemptsLeft: 1 })));
    expect(text).toContain('AFAS did not accept this code: De code is verlopen. You can try 1 more time.');
  });

  it('explains a wrongly formatted code without blaming AFAS', () => {
    const text = visibleText(buildCodeCard(codeInput({ lang: 'nl', problem: { kind: 'wrongFormat' }, attemptsLeft: 2 })));
    expect(text).toContain('Dat lijkt niet op de code uit de e-mail.');
    expect(text).toContain('Je kunt het nog 2 keer proberen.');
  });
});

describe('the end of the flow', () => {
  it('after three wrong codes says so and offers to start again', () => {
    const card = buildActivationStoppedCard('en', 3);
    expect(visibleText(card)).toContain('The code was wrong 3 times');
    expect(actions(card).map((a) => [a.verb, a.title])).toEqual([['activation.start', 'Start again']]);
  });

  it('on success names the AFAS user and what is waiting', () => {
    const text = visibleText(buildActivatedCard({ lang: 'nl', afasUserId: '12345.jdoe', taskCount: 7, signalCount: 1 }));
    expect(text).toContain('12345.jdoe');
    expect(text).toContain('Je hebt nu 7 openstaande taken en 1 signaal.');
  });
});
