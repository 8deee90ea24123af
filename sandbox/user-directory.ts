import type { Clock } from '../src/ports/clock';
import { AppError } from '../src/domain/app-error';
import type { DemoRowGenerator } from './demo-row-generator';
import { DEMO_USERS, type DemoUserProfile, type SignalLanguage, isWellFormedEmail, isWellFormedUserCode, provisionedProfile } from './demo-users';
import type { SandboxRow } from './sandbox-types';

/** A Profit user in the sandbox, with the rows the task and signal connectors return for them. */
export interface SandboxUser {
  /** The e-mail address: the canonical id the sandbox reports. */
  readonly userId: string;
  readonly userCode: string;
  readonly name: string;
  readonly language: SignalLanguage;
  readonly tasks: SandboxRow[];
  readonly signals: SandboxRow[];
  nextTaskSeq: number;
  nextSignalSeq: number;
}

/** The environment's users, found by e-mail address or user code (case-insensitive, as Profit does). */
export class UserDirectory {
  private readonly people: SandboxUser[] = [];

  constructor(
    private readonly generator: DemoRowGenerator,
    private readonly clock: Clock,
    private readonly participant: string,
  ) {
    for (const profile of DEMO_USERS) this.create(profile);
  }

  all(): readonly SandboxUser[] {
    return this.people;
  }

  find(typed: string): SandboxUser | null {
    const key = typed.trim().toLowerCase();
    if (key === '') return null;
    return this.people.find((u) => u.userId.toLowerCase() === key || u.userCode.toLowerCase() === key) ?? null;
  }

  /** Like `find`, for test helpers: an unknown user is a mistake in the test. */
  require(typed: string): SandboxUser {
    const user = this.find(typed);
    if (!user) throw new AppError('sandbox_unknown_user', `The sandbox has no user "${typed}"`);
    return user;
  }

  /** Creates a user with demo data for a well-formed e-mail address or user code; null otherwise. */
  provision(typed: string): SandboxUser | null {
    const text = typed.trim();
    const wellFormed = text.includes('@') ? isWellFormedEmail(text) : isWellFormedUserCode(text);
    if (!wellFormed || this.find(text)) return null;
    const profile = provisionedProfile(text, this.participant);
    let login = profile.login;
    for (let n = 2; this.find(`${this.participant}.${login}`); n++) login = `${profile.login}${n}`;
    // A typed user code may name an address someone else already has: give the newcomer its own.
    const email = this.find(profile.email) ? `${login}.${this.participant}@${profile.email.split('@')[1]}` : profile.email;
    return this.create({ ...profile, login, email });
  }

  /** Appends a task dated now, with `overrides` merged over the generated values. */
  addTask(user: SandboxUser, overrides: SandboxRow = {}): SandboxRow {
    const row = { ...this.generator.taskRow(user, user.nextTaskSeq++, this.clock.now(), true), ...overrides };
    user.tasks.push(row);
    return row;
  }

  /** Appends a signal dated now, with `overrides` merged over the generated values. */
  addSignal(user: SandboxUser, overrides: SandboxRow = {}): SandboxRow {
    const row = { ...this.generator.signalRow(user, user.nextSignalSeq++, this.clock.now(), true), ...overrides };
    user.signals.push(row);
    return row;
  }

  private create(profile: DemoUserProfile): SandboxUser {
    const now = this.clock.now();
    const user: SandboxUser = {
      userId: profile.email,
      userCode: `${this.participant}.${profile.login}`,
      name: profile.name,
      language: profile.language,
      tasks: [],
      signals: [],
      nextTaskSeq: profile.taskCount,
      nextSignalSeq: profile.signalCount,
    };
    for (let seq = 0; seq < profile.taskCount; seq++) user.tasks.push(this.generator.taskRow(user, seq, now, false));
    for (let seq = 0; seq < profile.signalCount; seq++) user.signals.push(this.generator.signalRow(user, seq, now, false));
    this.people.push(user);
    return user;
  }
}
