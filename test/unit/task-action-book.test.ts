import type { Storage } from '../../src/ports/storage';
import { AesGcmSecretBox } from '../../src/secrets/aes-gcm-secret-box';
import { openStorage } from '../../src/storage/open-storage';
import { TaskActionBook } from '../../src/use-cases/task-action-book';

const USER = { tenantId: 'tenant-contoso', aadObjectId: 'aad-jan' };

describe('the task action book across servers', () => {
  let storage: Storage;

  beforeEach(async () => {
    storage = await openStorage({ dataDir: ':memory:', secretBox: new AesGcmSecretBox({ current: Buffer.alloc(32, 4) }) });
  });
  afterEach(() => storage.close());

  it("of two servers taking a user's very first claim at once, only one gets it", async () => {
    // Two books over one database stand for two servers: no in-process guard sits between them.
    const [a, b] = [new TaskActionBook(storage.state), new TaskActionBook(storage.state)];
    const claims = await Promise.all([a.claim(USER, '33476', 'sig-approve', 1000), b.claim(USER, '33476', 'sig-approve', 1000)]);
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    expect(claims.find((c) => !c.claimed)).toEqual({ claimed: false, result: null });
  });

  it('two first claims on different tasks both succeed (the loser of the create tries again on the new document)', async () => {
    const [a, b] = [new TaskActionBook(storage.state), new TaskActionBook(storage.state)];
    const claims = await Promise.all([a.claim(USER, '33476', 'sig-1', 1000), b.claim(USER, '33477', 'sig-2', 1000)]);
    expect(claims).toEqual([{ claimed: true }, { claimed: true }]);
    // Neither claim overwrote the other: both tasks are still held.
    expect(await a.claim(USER, '33476', 'sig-1', 1001)).toEqual({ claimed: false, result: null });
    expect(await b.claim(USER, '33477', 'sig-2', 1001)).toEqual({ claimed: false, result: null });
  });
});
