import { OffsetCommitter, type OffsetCommits } from './offset-committer';

type Committed = { topic: string; partition: number; offset: string }[];

function consumer(fail = false) {
  const commits: Committed[] = [];
  const target: OffsetCommits = {
    commitOffsets: async (offsets) => {
      if (fail) throw new Error('The coordinator is rebalancing');
      commits.push(offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset })));
    },
  };
  return { target, commits };
}

describe('OffsetCommitter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('commits each partition past its latest handled message once a second, in one request', async () => {
    const { target, commits } = consumer();
    const committer = new OffsetCommitter(() => undefined, 1_000);
    committer.note(target, 'a.v1', 0, '41');
    committer.note(target, 'a.v1', 0, '42');
    committer.note(target, 'a.v1', 2, '7');
    committer.note(target, 'b.v1', 0, '9007199254740993');
    expect(commits).toEqual([]);
    await jest.advanceTimersByTimeAsync(999);
    expect(commits).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(commits).toEqual([
      [
        { topic: 'a.v1', partition: 0, offset: '43' },
        { topic: 'a.v1', partition: 2, offset: '8' },
        // Offsets are 64-bit: past what a JavaScript number holds exactly.
        { topic: 'b.v1', partition: 0, offset: '9007199254740994' },
      ],
    ]);
    // Nothing handled since: nothing to commit, and no timer left running.
    await jest.advanceTimersByTimeAsync(5_000);
    expect(commits).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('commits what is left when asked (the service stopping), and nothing twice', async () => {
    const { target, commits } = consumer();
    const committer = new OffsetCommitter(() => undefined, 1_000);
    committer.note(target, 'a.v1', 1, '3');
    await committer.flush();
    await committer.flush();
    expect(commits).toEqual([[{ topic: 'a.v1', partition: 1, offset: '4' }]]);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(commits).toHaveLength(1);
  });

  it('reports a refused commit and goes on: those messages are delivered again', async () => {
    const refused = consumer(true);
    const failures: unknown[] = [];
    const committer = new OffsetCommitter((error) => failures.push(error), 1_000);
    committer.note(refused.target, 'a.v1', 0, '5');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(failures).toEqual([new Error('The coordinator is rebalancing')]);
    const { target, commits } = consumer();
    committer.note(target, 'a.v1', 0, '6');
    await committer.flush();
    expect(commits).toEqual([[{ topic: 'a.v1', partition: 0, offset: '7' }]]);
  });
});
