import { z } from 'zod';
import type { ConnectorCatalog } from '../connector-catalog';
import { refusals } from '../sandbox-http-error';
import type { TaskReactions } from '../task-reactions';
import type { AfasRoute } from './afas-route';

const guid = z.string().trim().min(1).max(38);
const fieldsSchema = z.object({
  SbId: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  WfNm: guid.optional(),
  TkNm: guid.optional(),
  AcNm: guid.optional(),
  Tx: z.string().optional(),
});
const bodySchema = z.object({ KnWorkflow: z.object({ Element: z.object({ Fields: fieldsSchema }) }) });

/** `POST connectors/KnSubjectWorkflowReaction`: a reaction on a workflow task, with or without an action (201). */
export function updateConnectorRoutes(catalog: ConnectorCatalog, reactions: TaskReactions): AfasRoute[] {
  return [
    {
      method: 'POST',
      pattern: /^\/connectors\/KnSubjectWorkflowReaction\/?$/i,
      authenticated: true,
      handle: async (ctx) => {
        if (!catalog.hasUpdateConnector('KnSubjectWorkflowReaction')) throw refusals.updateConnectorNotAuthorized();
        const parsed = bodySchema.safeParse(await ctx.body());
        if (!parsed.success) throw refusals.badRequest('KnWorkflow.Element.Fields with SbId is required');
        const { SbId, WfNm, TkNm, AcNm, Tx } = parsed.data.KnWorkflow.Element.Fields;
        // An action needs its task and workflow; a comment names none of the three.
        if (AcNm !== undefined && (WfNm === undefined || TkNm === undefined)) throw refusals.badRequest('AcNm needs WfNm and TkNm');
        reactions.react(ctx.user, { subjectId: SbId, workflowGuid: WfNm, taskGuid: TkNm, actionGuid: AcNm, text: Tx });
        return { status: 201, body: { results: { KnSubjectWorkflowReaction: {} } } };
      },
    },
  ];
}
