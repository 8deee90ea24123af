import { cardProblems, expectValidCard, rendererProblems, schemaProblems } from '../../support/adaptive-card-validator';

const base = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' };
const text = (t: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: t }] });
const button = (n: number) => ({ type: 'Action.Execute', title: `b${n}`, verb: 'x', data: {} });

describe('the card validator used by the card tests', () => {
  it('accepts a minimal 1.5 card', () => {
    expect(cardProblems({ ...base, body: [text('hello')] })).toEqual([]);
  });

  it('rejects a misspelt property through the schema', () => {
    expect(schemaProblems({ ...base, body: [{ ...text('x'), wrapp: true }] }).join()).toContain('wrapp');
  });

  it('rejects an element type the renderer does not know', () => {
    expect(rendererProblems({ ...base, body: [{ type: 'Bogus' }] }).join()).toContain('Bogus');
  });

  it('rejects more top-level actions than Teams shows', () => {
    const card = { ...base, body: [text('x')], actions: [1, 2, 3, 4, 5, 6, 7].map(button) };
    expect(rendererProblems(card).join()).toMatch(/maximum|actions/i);
  });

  it('throws with the list of problems', () => {
    expect(() => expectValidCard({ ...base, body: [{ type: 'TextBlock' }] })).toThrow(/not valid/);
  });
});
