import { randomBytes } from 'node:crypto';
import { createAfasTeamsBot } from '../../bot/bot-host';
import { AfasSandbox } from '../../sandbox';
import { composeBotServices } from '../../src/composition/bot-services';
import type { Core } from '../../src/composition/core';
import { buildUseCases } from '../../src/composition/use-cases';
import { PostgresDriver } from '../../src/storage/postgres-driver';
import { visibleText } from '../support/card-inspection';
import { openTestCore } from '../support/test-core';
import { FakeClock } from '../fakes/fake-clock';
import { RecordingLogger } from '../fakes/recording-logger';
import { TestUser } from '../support/bot-harness';
import { LOTTE, onlyCard } from '../support/transcript';

/** The bot as main.ts composes it over a sandbox and the given database, with Lotte (no tasks yet) activated. */
async function openRig(env: Record<string, string> = {}) {
  const clock = new FakeClock('2026-03-02T08:00:00Z');
  const sandbox = new AfasSandbox({ clock });
  const { baseUrl } = await sandbox.listen(0);
  const core: Core = await openTestCore({ clock, logger: new RecordingLogger(), afasBaseUrl: baseUrl, env });
  const services = composeBotServices(core, buildUseCases(core, { notifications: { wake: async () => undefined } }));
  const user = new TestUser(createAfasTeamsBot(services, core.storage.state), { aadObjectId: 'aad-lotte', name: 'Lotte Smit', locale: 'en-US' });
  const [connection] = await core.storage.connections.list();
  await core.storage.activations.save({ user: user.key, connectionId: connection.id, afasUserId: LOTTE, activatedAt: clock.now() }, sandbox.issueToken(LOTTE));
  let tasks = 0;
  return {
    sandbox,
    core,
    clock,
    user,
    /** Tops Lotte's open tasks up to `count`. */
    haveTasks(count: number) {
      for (; tasks < count; tasks++) sandbox.addTask(LOTTE, {});
    },
    /** One "my tasks" turn: what the card says under its title, the GetConnector calls and the SQL statements it cost. */
    async myTasks() {
      const statements: string[] = [];
      const stop = core.storage.watchStatements((sql) => statements.push(sql.replace(/\s+/g, ' ').trim()));
      const before = sandbox.stats.requests.filter((r) => r.path.toLowerCase().includes('/connectors/')).length;
      try {
        const card = onlyCard(await user.say('my tasks'));
        const afasCalls = sandbox.stats.requests.filter((r) => r.path.toLowerCase().includes('/connectors/')).length - before;
        return { countLine: visibleText(card).split('\n')[1], afasCalls, statements };
      } finally {
        stop();
      }
    },
    async close() {
      await sandbox.close();
      await core.close();
    },
  };
}

type Rig = Awaited<ReturnType<typeof openRig>>;

function turnCost(engine: string, open: () => Promise<Rig>) {
  describe(`a "my tasks" turn on ${engine}`, () => {
    let rig: Rig;
    beforeAll(async () => {
      rig = await open();
      await rig.myTasks();
    });
    afterAll(() => rig.close());

    it.each<[number, string]>([
      [10, '10 open tasks, 10 new'],
      [200, '200 open tasks, 200 new'],
      [1000, '500+ open tasks, 500+ new'],
    ])('at %i open tasks reads the list in one AFAS call (and the page\'s task actions in two more) and says "%s"', async (count, line) => {
      rig.haveTasks(count);
      const turn = await rig.myTasks();
      // Issue 13: the actions of the page's tasks cost two GetConnector calls, however long the list.
      expect(turn.afasCalls).toBe(3);
      expect(turn.countLine).toBe(line);
    });

    it('runs at most 4 SQL statements, and leaves the conversation reference unwritten when it has not changed', async () => {
      const before = await rig.core.storage.conversations.get(rig.user.key);
      await rig.clock.advance(60_000);
      const turn = await rig.myTasks();
      expect(turn.statements.length).toBeLessThanOrEqual(4);
      expect(turn.statements.filter((sql) => /^(INSERT|UPDATE|DELETE)/.test(sql) && !sql.includes('conversation_references'))).toEqual([]);
      expect((await rig.core.storage.conversations.get(rig.user.key))?.updatedAt).toEqual(before?.updatedAt);
    });
  });
}

turnCost('SQLite', () => openRig());

const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl) {
  // Its own schema (search_path in the URL), dropped afterwards.
  const schema = `afas_turn_${process.pid}_${randomBytes(4).toString('hex')}`;
  let admin: PostgresDriver;
  beforeAll(async () => {
    admin = await PostgresDriver.connect({ connectionString: databaseUrl });
    await admin.execute(`CREATE SCHEMA "${schema}"`);
  });
  afterAll(async () => {
    await admin.execute(`DROP SCHEMA "${schema}" CASCADE`);
    await admin.close();
  });
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  turnCost('PostgreSQL', () => openRig({ DATABASE_URL: url.toString() }));
}
