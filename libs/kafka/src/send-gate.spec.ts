import { SendGate } from './send-gate';

/** A send the test finishes when it wants, recording when it started and ended. */
function heldSend(log: string[], name: string) {
  let finish: (() => void) | undefined;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(`${name} starts`);
      await ended;
      log.push(`${name} ends`);
    },
    finish: () => finish?.(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SendGate', () => {
  it('runs sends together', async () => {
    const gate = new SendGate();
    const log: string[] = [];
    const [a, b] = [heldSend(log, 'a'), heldSend(log, 'b')];
    const running = [gate.together(a.run), gate.together(b.run)];
    await tick();
    expect(log).toEqual(['a starts', 'b starts']);
    b.finish();
    a.finish();
    await Promise.all(running);
  });

  it('starts a send by itself only once the sends under way have ended, and holds back those asked for meanwhile', async () => {
    const gate = new SendGate();
    const log: string[] = [];
    const [a, b, alone, c] = ['a', 'b', 'alone', 'c'].map((name) => heldSend(log, name));
    const running = [gate.together(a.run), gate.together(b.run)];
    await tick();
    running.push(gate.byItself(alone.run));
    running.push(gate.together(c.run));
    await tick();
    expect(log).toEqual(['a starts', 'b starts']);
    a.finish();
    await tick();
    expect(log).toEqual(['a starts', 'b starts', 'a ends']);
    b.finish();
    await tick();
    expect(log.slice(3)).toEqual(['b ends', 'alone starts']);
    alone.finish();
    await tick();
    await tick();
    expect(log.slice(5)).toEqual(['alone ends', 'c starts']);
    c.finish();
    await Promise.all(running);
  });

  it('lets the sends go on after a send by itself failed', async () => {
    const gate = new SendGate();
    await expect(gate.byItself(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(gate.together(() => Promise.resolve('sent'))).resolves.toBe('sent');
  });
});
