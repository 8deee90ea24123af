import { z } from 'zod';

/** Mode plus people, each a UPN (name@example.com) or an Entra object id (a GUID). */
export const accessRuleInput = z.strictObject({
  mode: z.enum(['everyone', 'listed'], { message: 'accessMode' }),
  users: z.array(z.string().trim().min(1, 'must not be empty').max(254, 'must be at most 254 characters')).max(5000, 'may list at most 5000 people').default([]),
});
export type AccessRuleInput = z.output<typeof accessRuleInput>;
