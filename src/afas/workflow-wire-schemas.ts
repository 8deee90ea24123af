import { z } from 'zod';

/**
 * Rows of `Profit_Subject_Tasks` and `Profit_Workflowactions` as far as actions rely on them.
 * Ids may come as numbers or strings; a row without its GUIDs is useless and is dropped.
 */
const id = z.union([z.number(), z.string().trim().min(1)]).transform(String);
const guid = z.string().trim().min(1).max(64);
const whole = z.union([z.number(), z.string().trim().regex(/^-?\d+$/).transform(Number)]);

export const subjectTaskRowSchema = z.object({
  SubjectId: id,
  TaskName: guid,
  WorkflowName: guid,
});

export const workflowActionRowSchema = z.object({
  ActionName: guid,
  ActionDescription: z.string().trim().min(1).max(200),
  ActionType: whole,
  SeqNo: whole.nullish().transform((value) => value ?? 0),
  TaskName: guid,
  WorkflowName: guid,
});

export type SubjectTaskRow = z.output<typeof subjectTaskRowSchema>;
export type WorkflowActionRow = z.output<typeof workflowActionRowSchema>;
