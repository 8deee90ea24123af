import { formatAfasWireDate } from '../src/domain/amsterdam-time';
import { addDays, officeMomentBefore, startOfAmsterdamDay } from './demo-dates';
import type { SignalLanguage } from './demo-users';
import { COLLEAGUES } from './demo-vocabulary';
import type { SandboxRow } from './sandbox-types';
import { SeededRandom } from './seeded-random';
import { SIGNAL_TEMPLATES } from './signal-templates';
import { TASK_TEMPLATES } from './task-templates';

export interface RowOwner {
  readonly userCode: string;
  readonly language: SignalLanguage;
}

/** Seeded demo data spreads over the four weeks before "now". */
const SPREAD_DAYS = 27;

/**
 * Builds task and signal rows the way the connectors return them. Every row is derived from the
 * owner, the kind and a sequence number only (plus `now`), so the data is the same on every run.
 * Dates are written as AFAS does: Amsterdam wall clock with its misleading `Z`.
 */
export class DemoRowGenerator {
  /** A task row; `fresh` rows are dated `now` and unopened, others lie in the past weeks. */
  taskRow(owner: RowOwner, seq: number, now: Date, fresh: boolean): SandboxRow {
    const rng = SeededRandom.fromText(`${owner.userCode.toLowerCase()}|task|${seq}`);
    const daysAgo = fresh ? 0 : rng.int(0, SPREAD_DAYS);
    const submitted = fresh ? wholeSeconds(now) : officeMomentBefore(now, daysAgo, rng);
    const template = rng.pick(TASK_TEMPLATES);
    const submitter = rng.pick(COLLEAGUES);
    const due = template.dueInDays === null ? null : startOfAmsterdamDay(addDays(submitted, template.dueInDays));
    return {
      guid_task: rng.guid(),
      description: template.describe({ rng, submitter, submitted }),
      submitter,
      submitdate: formatAfasWireDate(submitted),
      subjecttype: template.subjecttype,
      opened: fresh ? false : rng.chance(daysAgo > 7 ? 0.7 : 0.3),
      subjectid: rng.int(10000, 59999),
      profileid: rng.int(1, 40),
      workflow: template.workflow,
      taskname: template.taskname,
      duedate: due === null ? null : formatAfasWireDate(due),
    };
  }

  /** A signal row in the owner's language; `fresh` rows are dated `now` and unopened. */
  signalRow(owner: RowOwner, seq: number, now: Date, fresh: boolean): SandboxRow {
    const rng = SeededRandom.fromText(`${owner.userCode.toLowerCase()}|signal|${seq}`);
    const daysAgo = fresh ? 0 : rng.int(0, SPREAD_DAYS);
    const signalled = fresh ? wholeSeconds(now) : officeMomentBefore(now, daysAgo, rng);
    const text = rng.pick(SIGNAL_TEMPLATES)({ rng, signalled, language: owner.language });
    return {
      guid_signal: rng.guid(),
      description: text.description,
      submitter: text.submitter,
      signaldate: formatAfasWireDate(signalled),
      signaltype: text.signaltype,
      opened: fresh ? false : rng.chance(daysAgo > 7 ? 0.6 : 0.25),
      subjectid: text.subjectid,
      language: owner.language,
    };
  }
}

/** AFAS dates carry no milliseconds. */
function wholeSeconds(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000);
}
