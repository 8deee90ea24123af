import { HANDLED_MEANWHILE_BY } from './task-reactions';
import type { UserDirectory } from './user-directory';

/**
 * Tasks two approvers hold at once, where the colleague acts first: when the demo user reacts, AFAS
 * answers "already handled" and the task leaves their list. Reads are unchanged until then.
 */
const PARALLEL_APPROVALS: readonly { readonly login: string; readonly taskname: string; readonly colleague: string }[] = [
  { login: 'jdevries', taskname: 'Akkoord leidinggevende', colleague: 'Fleur Bakker' },
];

/** Marks the first matching task of each listed user (the demo data is the same on every run). */
export function markParallelApprovals(directory: UserDirectory, participant: string): void {
  for (const entry of PARALLEL_APPROVALS) {
    const user = directory.find(`${participant}.${entry.login}`);
    const index = user?.tasks.findIndex((row) => row.taskname === entry.taskname) ?? -1;
    if (user && index !== -1) user.tasks[index] = { ...user.tasks[index], [HANDLED_MEANWHILE_BY]: entry.colleague };
  }
}
