import { describe, expect, it } from 'vitest';
import { liveUpdate } from '../../src/lib/figure/live-update.ts';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('liveUpdate', () => {
  it('runs one update at a time and only the newest of the requests that arrive meanwhile', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const update = liveUpdate<number>(
      'test',
      async (n) => {
        running += 1;
        most = Math.max(most, running);
        started.push(n);
        await tick(5);
        running -= 1;
      },
      (e) => {
        throw e;
      },
    );
    const done = [1, 2, 3, 4, 5].map((n) => update(n));
    await Promise.all(done);
    expect(started).toEqual([1, 5]);
    expect(most).toBe(1);
  });

  it('draws the latest input last, however long each computation takes', async () => {
    const drawn: number[] = [];
    // Later requests compute faster: a naive queue of promises would draw 1 after 3.
    const update = liveUpdate<number>(
      'test',
      async (n) => {
        await tick(30 - 10 * n);
        drawn.push(n);
      },
      (e) => {
        throw e;
      },
    );
    void update(1);
    await tick(1);
    void update(2);
    await update(3);
    expect(drawn.at(-1)).toBe(3);
    expect(drawn).not.toContain(2);
  });

  it('reports a failed update and carries on with the next request', async () => {
    const errors: string[] = [];
    const drawn: number[] = [];
    const update = liveUpdate<number>(
      'test',
      async (n) => {
        if (n === 1) throw new Error('boom');
        drawn.push(n);
      },
      (e) => errors.push(e.message),
    );
    await update(1);
    await update(2);
    expect(errors).toEqual(['boom']);
    expect(drawn).toEqual([2]);
  });
});
