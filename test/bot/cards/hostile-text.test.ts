import { buildCodeCard } from '../../../bot/cards/activation-cards';
import { buildErrorCard } from '../../../bot/cards/error-card';
import { plainText, WORD_JOINER } from '../../../bot/cards/plain-text';
import { buildSummaryCard } from '../../../bot/cards/summary-card';
import { buildWorkListCard } from '../../../bot/cards/work-list-card';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { nodesOfType, textRuns, visibleLines } from '../../support/card-inspection';
import { workItem } from '../../support/work-items';

const NOW = new Date('2024-07-01T08:00:00Z');
const INSITE = 'https://12345.afasinsite.nl';
const HOSTILE = [
  '[click](https://evil.example)',
  '**bold** and _italic_',
  '- item one',
  '1. numbered',
  '<at>Everyone</at>',
  '{{DATE(2024-01-01T00:00:00Z)}}',
  '{{TIME(2024-01-01T00:00:00Z)}}',
  '<img src=x onerror=alert(1)>',
  '${title} {{{nested}}}',
];

const withoutJoiners = (text: string) => text.split(WORD_JOINER).join('');

function listCardFor(title: string, from: string | null = 'Jan') {
  return buildWorkListCard({ lang: 'en', kind: 'task', items: [workItem({ title, from, type: title })], page: 1, itemUrl: () => INSITE, insiteUrl: INSITE, now: NOW });
}

describe('hostile AFAS text', () => {
  it.each(HOSTILE)('%p is shown literally, as it was written', (title) => {
    const card = listCardFor(title);
    expectValidCard(card);
    expect(visibleLines(card).map(withoutJoiners)).toContain(title);
  });

  it('is never put in a TextBlock, where Teams would read markdown', () => {
    for (const title of HOSTILE) {
      expect(nodesOfType(listCardFor(title), 'TextBlock')).toEqual([]);
      expect(JSON.stringify(listCardFor(title))).not.toContain('"msteams"');
    }
  });

  it('cannot form a DATE() or TIME() template that a renderer would expand', () => {
    const card = listCardFor('{{DATE(2024-01-01T00:00:00Z)}} at {{TIME(2024-01-01T00:00:00Z)}}');
    for (const text of textRuns(card)) expect(text).not.toMatch(/\{\{(DATE|TIME)\(/);
  });

  it('cannot form a mention tag', () => {
    for (const text of textRuns(listCardFor('<at>Everyone</at> and </AT>'))) expect(text).not.toMatch(/<\/?at/i);
  });

  it('loses control characters and bidi overrides, and line breaks become spaces', () => {
    const card = listCardFor('Goed\u0000keuren\u0007\r\nnu\u202e gnalgnir\u0085!', 'Ja\u001bn');
    expectValidCard(card);
    const lines = visibleLines(card);
    expect(lines).toContain('Goedkeuren nu gnalgnir !');
    expect(lines.join('\n')).toContain('from Jan');
  });

  it('of 10 kB is cut to a short title', () => {
    const card = listCardFor('[x](https://evil.example) '.repeat(400));
    expectValidCard(card);
    const title = visibleLines(card)[2];
    expect(Array.from(title).length).toBeLessThanOrEqual(200);
    expect(title.endsWith('…')).toBe(true);
  });

  it('in a summary is as literal as in a list', () => {
    const card = buildSummaryCard({
      lang: 'nl',
      tasks: { items: [workItem({ title: '**vet** [link](https://evil.example)' })] },
      signals: { items: [workItem({ kind: 'signal', title: '{{DATE(2024-01-01T00:00:00Z)}}' })] },
      itemUrl: () => INSITE,
      insiteUrl: INSITE,
      now: NOW,
    });
    expectValidCard(card);
    const lines = visibleLines(card).map(withoutJoiners);
    expect(lines).toContain('**vet** [link](https://evil.example)');
    expect(lines).toContain('{{DATE(2024-01-01T00:00:00Z)}}');
  });

  it("in AFAS's reason for refusing a code is shown literally", () => {
    const card = buildCodeCard({ lang: 'en', afasUserId: '<at>x</at>', now: NOW, resendAvailableAt: null, problem: { kind: 'wrongCode', reason: '**Code** [verlopen](https://evil.example)' } });
    expectValidCard(card);
    expect(visibleLines(card).map(withoutJoiners).join('\n')).toContain('AFAS did not accept this code: **Code** [verlopen](https://evil.example)');
    expect(nodesOfType(card, 'TextBlock')).toEqual([]);
  });

  it('in an AFAS log reference is shown literally', () => {
    const card = buildErrorCard('en', { kind: 'afas', reference: '[ref](https://evil.example)' }, NOW);
    expect(visibleLines(card).join()).toContain('[ref](https://evil.example)');
  });
});

describe('plainText', () => {
  it('keeps ordinary text, accents and emoji as they are', () => {
    expect(plainText('Declaratie €12,50 van Zoë 👍')).toBe('Declaratie €12,50 van Zoë 👍');
    expect(plainText('Declaratie (€\u00a0350,88)')).toBe('Declaratie (€\u00a0350,88)');
  });

  it('does not split an emoji when cutting', () => {
    expect(plainText('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('replaces lone surrogates', () => {
    expect(plainText('a\ud800b')).toBe('a\ufffdb');
  });

  it('collapses whitespace and trims', () => {
    expect(plainText('  a \t\t b  \n ')).toBe('a b');
  });

  it('handles 1 MB of text quickly and boundedly', () => {
    const started = Date.now();
    const result = plainText('{{'.repeat(500_000), 200);
    expect(Date.now() - started).toBeLessThan(500);
    expect(withoutJoiners(result)).toBe(`${'{'.repeat(199)}…`);
  });
});
