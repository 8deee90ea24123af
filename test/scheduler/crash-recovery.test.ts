import type { Notification } from '../../src/domain/notification';
import type { DeliveryLedger } from '../../src/ports/delivery-ledger';
import type { Notifier } from '../../src/ports/notifier';
import { visibleText } from '../support/card-inspection';
import { JAN, MINUTE, NotificationHarness } from '../support/notification-harness';

const isItem = (n: Notification): boolean => n.content.type === 'item';

/** The process "dies" here: this call never returns, and `died` tells the test it happened. */
class Death {
  private resolve: () => void = () => undefined;
  readonly died = new Promise<void>((resolve) => (this.resolve = resolve));
  here<T>(): Promise<T> {
    this.resolve();
    return new Promise<T>(() => undefined);
  }
}

/** A notifier that does something odd around the real one for item cards, and passes the rest through. */
function around(step: (real: Notifier, reference: Parameters<Notifier['send']>[0], n: Notification) => ReturnType<Notifier['send']>): (real: Notifier) => Notifier {
  return (real) => ({ send: (reference, n) => (isItem(n) ? step(real, reference, n) : real.send(reference, n)) });
}

describe('durable delivery across a crash', () => {
  let h: NotificationHarness;

  afterEach(async () => {
    await h.close();
  });

  /** Jan past his first poll with a new signal waiting, under an engine whose item sends do `step`. */
  async function newSignalUnder(wrap: (real: Notifier) => Notifier, death?: Death) {
    h = await NotificationHarness.start({ notifier: wrap });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.addSignal(JAN, { guid_signal: 'sig-crash', description: 'Na de crash' });
    await h.drive(6 * MINUTE, death?.died);
    return jan;
  }

  /** The old process is gone (its stuck job never finishes); a new one starts on the same storage. */
  async function restart(): Promise<void> {
    void h.run.engine.stop();
    h.run = h.newEngine((real) => real);
    await h.startEngine();
    await h.drive(30 * MINUTE);
  }

  const itemSends = (jan: Parameters<NotificationHarness['activitiesFor']>[0]) => h.activitiesFor(jan).filter((r) => String(r.activity.summary).includes('Na de crash'));

  it('sends an item exactly once when the process stops after "to deliver" and before the send', async () => {
    const death = new Death();
    const jan = await newSignalUnder(around(() => death.here()), death);
    expect((await h.storage.deliveries.pending({ user: jan, limit: 10 })).map((e) => e.itemId)).toEqual(['sig-crash']);
    expect(itemSends(jan)).toHaveLength(0);
    await restart();
    expect(itemSends(jan)).toHaveLength(1);
    expect(visibleText(h.cardsFor(jan)[1])).toContain('Na de crash');
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
  });

  it('sends an item exactly once when the notifier throws after the send succeeded', async () => {
    const jan = await newSignalUnder(
      around(async (real, reference, n) => {
        await real.send(reference, n);
        throw new Error('lost the answer');
      }),
    );
    await restart();
    expect(itemSends(jan)).toHaveLength(1);
    expect(h.logger.lines.some((l) => l.fields.code === 'notifier_error')).toBe(true);
  });

  it('sends an item exactly once when writing "delivered" fails after the send, and records it later', async () => {
    h = await NotificationHarness.start();
    let failures = 1;
    const ledger = h.storage.deliveries;
    const flaky: DeliveryLedger = Object.assign(Object.create(ledger) as DeliveryLedger, {
      setState: async (...args: Parameters<DeliveryLedger['setState']>) => {
        if (args[3] === 'delivered' && args[2].includes('sig-crash') && failures-- > 0) throw new Error('database went away');
        return ledger.setState(...args);
      },
    });
    h.run = h.newEngine(undefined, { ...h.storage, deliveries: flaky });
    const jan = await h.activate('aad-jan', JAN);
    await h.startEngine();
    await h.drive(1000);
    h.sandbox.addSignal(JAN, { guid_signal: 'sig-crash', description: 'Na de crash' });
    await h.drive(30 * MINUTE);
    expect(itemSends(jan)).toHaveLength(1);
    expect(await h.storage.deliveries.pending({ user: jan, limit: 10 })).toEqual([]);
    expect(h.logger.lines.some((l) => l.fields.code === 'ledger_write_failed')).toBe(true);
  });

  it('re-sends once, and only once, when the process dies after Teams accepted and before "delivered" (the documented window)', async () => {
    const death = new Death();
    const jan = await newSignalUnder(
      around(async (real, reference, n) => {
        await real.send(reference, n);
        return death.here();
      }),
      death,
    );
    expect(itemSends(jan)).toHaveLength(1);
    await restart();
    expect(itemSends(jan)).toHaveLength(2);
    await h.drive(60 * MINUTE);
    expect(itemSends(jan)).toHaveLength(2);
  });
});
