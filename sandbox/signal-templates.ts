import { addDays, dayText } from './demo-dates';
import type { SignalLanguage } from './demo-users';
import { COLLEAGUES, DEBTORS, PROFIT_SENDER, euro } from './demo-vocabulary';
import type { SeededRandom } from './seeded-random';

export interface SignalContext {
  readonly rng: SeededRandom;
  readonly signalled: Date;
  readonly language: SignalLanguage;
}

export interface SignalText {
  readonly description: string;
  readonly signaltype: string;
  readonly submitter: string;
  /** The dossier item it concerns; null for signals about a person (birthdays, anniversaries). */
  readonly subjectid: number | null;
}

export type SignalTemplate = (ctx: SignalContext) => SignalText;

const bilingual = (language: SignalLanguage, nl: string, en: string): string => (language === 'NL' ? nl : en);

/** Signals Profit raises for managers and controllers, in the user's language. */
export const SIGNAL_TEMPLATES: readonly SignalTemplate[] = [
  ({ rng, signalled, language }) => {
    const who = rng.pick(COLLEAGUES);
    const years = rng.pick(['12,5', '25', '40']);
    const on = dayText(addDays(signalled, rng.int(7, 30)), language);
    return {
      description: bilingual(language, `${who} is op ${on} ${years} jaar in dienst`, `${who} celebrates ${years.replace(',', '.')} years of service on ${on}`),
      signaltype: bilingual(language, 'Jubileum', 'Anniversary'),
      submitter: PROFIT_SENDER,
      subjectid: null,
    };
  },
  ({ rng, language }) => {
    const debtor = rng.pick(DEBTORS);
    const nr = rng.int(10000, 19999);
    const over = euro(rng.int(25000, 2500000) / 100);
    return {
      description: bilingual(language, `Debiteur ${nr} ${debtor} staat ${over} boven de kredietlimiet`, `Debtor ${nr} ${debtor} is ${over} over the credit limit`),
      signaltype: bilingual(language, 'Debiteur boven kredietlimiet', 'Credit limit exceeded'),
      submitter: PROFIT_SENDER,
      subjectid: rng.int(60000, 69999),
    };
  },
  ({ rng, signalled, language }) => {
    const who = rng.pick(COLLEAGUES);
    const on = dayText(addDays(signalled, rng.int(20, 60)), language);
    return {
      description: bilingual(language, `Het contract van ${who} verloopt op ${on}`, `The contract of ${who} expires on ${on}`),
      signaltype: bilingual(language, 'Verlopen contract', 'Contract expiring'),
      submitter: rng.pick(COLLEAGUES),
      subjectid: rng.int(70000, 79999),
    };
  },
  ({ rng, language }) => {
    const who = rng.pick(COLLEAGUES);
    return {
      description: bilingual(language, `${who} is vandaag jarig`, `It is ${who}'s birthday today`),
      signaltype: bilingual(language, 'Verjaardag', 'Birthday'),
      submitter: PROFIT_SENDER,
      subjectid: null,
    };
  },
  ({ rng, signalled, language }) => {
    const who = rng.pick(COLLEAGUES);
    const on = dayText(addDays(signalled, rng.int(14, 45)), language);
    return {
      description: bilingual(language, `Het VCA-certificaat van ${who} verloopt op ${on}`, `The VCA certificate of ${who} expires on ${on}`),
      signaltype: bilingual(language, 'Certificaat verloopt', 'Certificate expiring'),
      submitter: PROFIT_SENDER,
      subjectid: rng.int(80000, 89999),
    };
  },
  ({ rng, signalled, language }) => {
    const who = rng.pick(COLLEAGUES);
    const on = dayText(addDays(signalled, rng.int(10, 30)), language);
    return {
      description: bilingual(language, `De proeftijd van ${who} eindigt op ${on}`, `The probation period of ${who} ends on ${on}`),
      signaltype: bilingual(language, 'Einde proeftijd', 'End of probation'),
      submitter: rng.pick(COLLEAGUES),
      subjectid: rng.int(70000, 79999),
    };
  },
  ({ rng, language }) => {
    const who = rng.pick(COLLEAGUES);
    return {
      description: bilingual(language, `${who} is 6 weken ziek: stel het plan van aanpak op`, `${who} has been ill for 6 weeks: draw up the action plan`),
      signaltype: bilingual(language, 'Verzuim', 'Absence'),
      submitter: PROFIT_SENDER,
      subjectid: rng.int(90000, 99999),
    };
  },
];
