import { addDays, dayText, isoWeek } from './demo-dates';
import { COURSES, EXPENSE_KINDS, LEASE_CARS, MONTHS_NL, SUPPLIERS, euro } from './demo-vocabulary';
import type { SeededRandom } from './seeded-random';

export interface TaskContext {
  readonly rng: SeededRandom;
  readonly submitter: string;
  readonly submitted: Date;
}

/** One kind of workflow task: what Profit calls the subject type, the workflow and the task in it. */
export interface TaskTemplate {
  readonly subjecttype: string;
  readonly workflow: string;
  readonly taskname: string;
  /** Days after submission the task is due; null = no deadline. */
  readonly dueInDays: number | null;
  describe(ctx: TaskContext): string;
}

/** Expenses are claimed for the month before. */
const monthBefore = (d: Date): string => MONTHS_NL[addDays(d, -20).getUTCMonth()];

/** Task descriptions are Dutch for everyone: they are the customer's own workflow texts. */
export const TASK_TEMPLATES: readonly TaskTemplate[] = [
  {
    subjecttype: 'Declaratie', workflow: 'Declaratie medewerker', taskname: 'Beoordelen declaratie', dueInDays: 7,
    describe: ({ rng, submitter, submitted }) =>
      `Declaratie ${rng.pick(EXPENSE_KINDS)} ${monthBefore(submitted)} - ${submitter} (${euro(rng.int(1500, 48000) / 100)})`,
  },
  {
    subjecttype: 'Verlofaanvraag', workflow: 'Verlof aanvragen', taskname: 'Goedkeuren verlofaanvraag', dueInDays: 5,
    describe: ({ rng, submitter, submitted }) => {
      const from = addDays(submitted, rng.int(10, 60));
      const days = rng.int(1, 10);
      return `Verlofaanvraag ${submitter}: ${dayText(from, 'NL')} t/m ${dayText(addDays(from, days - 1), 'NL')} (${days} ${days === 1 ? 'dag' : 'dagen'})`;
    },
  },
  {
    subjecttype: 'Aanvraag lease-auto', workflow: 'Lease-auto aanvragen', taskname: 'Akkoord leidinggevende', dueInDays: 14,
    describe: ({ rng, submitter }) => `Aanvraag lease-auto ${rng.pick(LEASE_CARS)} - ${submitter}`,
  },
  {
    subjecttype: 'Inkoopfactuur', workflow: 'Inkoopfactuur fiatteren', taskname: 'Fiatteren inkoopfactuur', dueInDays: 10,
    describe: ({ rng }) => `Inkoopfactuur ${rng.int(2026000, 2026999)} ${rng.pick(SUPPLIERS)} (${euro(rng.int(9000, 1250000) / 100)})`,
  },
  {
    subjecttype: 'Urenverantwoording', workflow: 'Uren accorderen', taskname: 'Accorderen uren', dueInDays: 3,
    describe: ({ submitter, submitted }) => `Urenverantwoording week ${isoWeek(addDays(submitted, -7))} - ${submitter}`,
  },
  {
    subjecttype: 'Opleidingsaanvraag', workflow: 'Opleiding aanvragen', taskname: 'Beoordelen opleidingsaanvraag', dueInDays: null,
    describe: ({ rng, submitter }) => `Opleidingsaanvraag "${rng.pick(COURSES)}" - ${submitter}`,
  },
  {
    subjecttype: 'Wijziging persoonsgegevens', workflow: 'Mutatie medewerker', taskname: 'Controleren wijziging', dueInDays: null,
    describe: ({ rng, submitter }) => `Wijziging ${rng.pick(['bankrekeningnummer', 'adres', 'burgerlijke staat'])} - ${submitter}`,
  },
  {
    subjecttype: 'Ziekmelding', workflow: 'Verzuimmelding', taskname: 'Kennisnemen ziekmelding', dueInDays: 1,
    describe: ({ submitter, submitted }) => `Ziekmelding ${submitter} per ${dayText(submitted, 'NL')}`,
  },
];
