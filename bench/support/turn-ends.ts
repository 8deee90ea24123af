import { AfasSandbox, DEMO_API_KEY, DEMO_ENVIRONMENT_KEY } from '../../sandbox';
import { FakeBotConnector } from '../../test/fakes/fake-bot-connector';
import { serveCommands } from './child';

/** The far ends of the turnaround benchmark: the AFAS sandbox and a fake Bot Connector. */
export type EndsCommand =
  | { op: 'start'; users: Record<string, number> }
  | { op: 'reply'; id: string; pattern: string | null }
  | { op: 'afasCalls' }
  | { op: 'afasActionCalls' }
  /** The first Adaptive Card of the reply to activity `id` (the task-action benchmark reads its buttons). */
  | { op: 'replyCard'; id: string }
  /** Reactions posted to AFAS (KnSubjectWorkflowReaction). */
  | { op: 'afasReactionPosts' }
  /** More open tasks for a user (acting takes them out of the list). */
  | { op: 'addTasks'; userId: string; count: number }
  | { op: 'close' };

export interface EndsStarted {
  readonly baseUrl: string;
  readonly connectorUrl: string;
  /** AFAS token per user; `tasks`: how many open tasks each really has. */
  readonly users: Record<string, { token: string; tasks: number }>;
}

export function serveTurnEnds(): void {
  let sandbox: AfasSandbox | null = null;
  let connector: FakeBotConnector | null = null;
  serveCommands<EndsCommand>(async (command) => {
    switch (command.op) {
      case 'start': {
        sandbox = new AfasSandbox({ autoProvisionUsers: true });
        const { baseUrl } = await sandbox.listen(0);
        connector = new FakeBotConnector();
        const connectorUrl = await connector.start();
        const users: Record<string, { token: string; tasks: number }> = {};
        for (const [userId, wanted] of Object.entries(command.users)) {
          if (!sandbox.users().some((u) => u.userId === userId)) await provision(baseUrl, userId);
          const token = sandbox.issueToken(userId);
          let tasks = await countTasks(baseUrl, token);
          for (; tasks < wanted; tasks++) sandbox.addTask(userId, {});
          users[userId] = { token, tasks };
        }
        return { baseUrl, connectorUrl, users } satisfies EndsStarted;
      }
      case 'reply': {
        const received = await connector!.waitForReplyTo(command.id);
        if (command.pattern === null) return null;
        return new RegExp(command.pattern).exec(JSON.stringify(received.activity))?.[1] ?? null;
      }
      case 'afasCalls':
        // The list reads (the tasks GetConnector) apart from the reads of task actions (issue 13's workflow connectors).
        return sandbox!.stats.requests.filter((r) => r.path.toLowerCase().includes('/connectors/teams_tasks')).length;
      case 'afasActionCalls':
        return sandbox!.stats.requests.filter((r) => /\/connectors\/profit_(subject_tasks|workflowactions)/i.test(r.path)).length;
      case 'replyCard': {
        const received = await connector!.waitForReplyTo(command.id);
        const attachments = (received.activity as { attachments?: { content?: unknown }[] }).attachments ?? [];
        return attachments[0]?.content ?? null;
      }
      case 'afasReactionPosts':
        return sandbox!.stats.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/knsubjectworkflowreaction')).length;
      case 'addTasks':
        for (let i = 0; i < command.count; i++) sandbox!.addTask(command.userId, {});
        return null;
      case 'close':
        await sandbox?.close();
        await connector?.close();
        return null;
    }
  });
}

async function provision(baseUrl: string, userId: string): Promise<void> {
  const res = await fetch(`${baseUrl}/otprequest`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiKey: DEMO_API_KEY, apiToken: DEMO_ENVIRONMENT_KEY, userId }) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`provisioning ${userId} failed with ${res.status}`);
}

async function countTasks(baseUrl: string, token: string): Promise<number> {
  let count = 0;
  for (let skip = 0; ; skip += 500) {
    const res = await fetch(`${baseUrl}/connectors/Teams_Tasks?skip=${skip}&take=500&orderbyfieldids=guid_task`, { headers: { Authorization: `AfasToken ${Buffer.from(token).toString('base64')}` } });
    const body = (await res.json()) as { rows?: unknown[] };
    if (!body.rows) throw new Error(`the sandbox answered ${res.status} to a task count: ${JSON.stringify(body).slice(0, 200)}`);
    count += body.rows.length;
    if (body.rows.length < 500) return count;
  }
}
