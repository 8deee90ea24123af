import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCodeCard, buildUserIdCard } from '../../../bot/cards/activation-cards';
import type { AdaptiveCard } from '../../../bot/cards/adaptive-card';
import { buildMessageCard, type MessageTone } from '../../../bot/cards/message-card';
import { buildSettingsCard, settingsFormFrom } from '../../../bot/cards/settings-card';
import { buildWorkListCard } from '../../../bot/cards/work-list-card';
import { DEFAULT_PREFERENCES } from '../../../src/domain/user-preferences';
import { nodesOfType } from '../../support/card-inspection';
import { AA_NORMAL_TEXT, contrastRatio } from '../../support/contrast';
import { numberedItems } from '../../support/work-items';

const NOW = new Date('2024-07-01T08:00:00Z');
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'adaptive-cards');

interface HostConfig {
  readonly containerStyles: { readonly default: { readonly backgroundColor: string; readonly foregroundColors: Record<string, { readonly default: string }> } };
}

const THEMES = ['light', 'dark'].map((theme) => [theme, JSON.parse(readFileSync(join(FIXTURES, `host-config-teams-${theme}.json`), 'utf8')) as HostConfig] as const);

const CARDS: [string, () => AdaptiveCard][] = [
  ...(['success', 'warning', 'error', 'info'] as MessageTone[]).map((tone): [string, () => AdaptiveCard] => [`a ${tone} message`, () => buildMessageCard({ text: 'Done.', tone })]),
  ['the code card after a resend', () => buildCodeCard({ lang: 'en', afasUserId: 'jan', now: NOW, resendAvailableAt: null, resent: true })],
  ['the code card asked too early', () => buildCodeCard({ lang: 'en', afasUserId: 'jan', now: NOW, resendAvailableAt: new Date('2024-07-01T08:05:00Z'), throttled: true })],
  ['the code card after a wrong code', () => buildCodeCard({ lang: 'en', afasUserId: 'jan', now: NOW, resendAvailableAt: null, problem: { kind: 'wrongFormat' }, attemptsLeft: 2 })],
  ['the user card with a problem', () => buildUserIdCard({ lang: 'en', problem: 'invalid' })],
  ['saved settings', () => buildSettingsCard({ lang: 'en', teamsLanguage: 'en', form: settingsFormFrom(DEFAULT_PREFERENCES), saved: true })],
  ['settings with a problem', () => buildSettingsCard({ lang: 'en', teamsLanguage: 'en', form: settingsFormFrom(DEFAULT_PREFERENCES), problems: [{ code: 'digest_time_missing' }] })],
  ['a list with new items and more than fit', () => buildWorkListCard({ lang: 'en', kind: 'task', items: numberedItems(3), totalCount: 40, page: 1, itemUrl: () => 'https://x.example/t', insiteUrl: 'https://x.example', now: NOW })],
];

/**
 * Teams renders a card's text colours from its host config: "good" is a light green (#92c353) and
 * "warning" a yellow on white, under 2:1. Every colour our cards pick must reach WCAG AA (4.5:1)
 * on Teams' default background, in the light theme as in the dark one.
 */
describe.each(THEMES)('card text colours on Teams %s', (_theme, hostConfig) => {
  const background = hostConfig.containerStyles.default.backgroundColor;
  it.each(CARDS)('%s reaches 4.5:1', (_name, build) => {
    const colours = [...new Set(nodesOfType(build(), 'TextRun').map((run) => String(run.color ?? 'default')))];
    const ratios = colours.map((colour) => ({ colour, ratio: contrastRatio(hostConfig.containerStyles.default.foregroundColors[colour].default, background, { alphaFirst: true }) }));
    expect(ratios.filter((r) => r.ratio < AA_NORMAL_TEXT)).toEqual([]);
  });
});
