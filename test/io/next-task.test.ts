import { MessageChannel as NodeMessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createNextTask, nextTask } from '../../src/io/next-task';

describe('nextTask', () => {
  it('resolves in a later task, after the microtasks queued before it', async () => {
    const order: string[] = [];
    const waited = nextTask().then(() => order.push('task'));
    void Promise.resolve()
      .then(() => order.push('micro 1'))
      .then(() => order.push('micro 2'));
    await waited;
    expect(order).toEqual(['micro 1', 'micro 2', 'task']);
  });

  it('uses a MessageChannel where there is no setImmediate (browsers), in the order asked, and no timer', async () => {
    const timers: number[] = [];
    let channels = 0;
    class Counted extends NodeMessageChannel {
      constructor() {
        super();
        channels++;
      }
    }
    const next = createNextTask({
      MessageChannel: Counted as unknown as typeof MessageChannel,
      setTimeout: (_callback, ms) => timers.push(ms),
    });
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((i) => next().then(() => order.push(i))));
    await next();
    expect(order).toEqual([1, 2, 3]);
    expect(channels).toBe(1);
    expect(timers).toEqual([]);
  });

  it('falls back to a timer where there is neither', async () => {
    const timers: number[] = [];
    const next = createNextTask({
      setTimeout: (callback, ms) => {
        timers.push(ms);
        return setTimeout(callback, ms);
      },
    });
    await next();
    expect(timers).toEqual([0]);
  });
});
