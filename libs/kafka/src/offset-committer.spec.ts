import type { ConsumerGroupJoinEvent } from 'kafkajs';
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

  it('reports a refused commit and tries it once more with the next flush, then leaves it to redelivery', async () => {
    let refusals = 0;
    const commits: Committed[] = [];
    const flaky: OffsetCommits = {
      commitOffsets: async (offsets) => {
        refusals += 1;
        if (refusals <= 1) throw new Error('The coordinator is rebalancing');
        commits.push(offsets.map(({ topic, partition, offset }) => ({ topic, partition, offset })));
      },
    };
    const failures: unknown[] = [];
    const committer = new OffsetCommitter((error) => failures.push(error), 1_000);
    committer.note(flaky, 'a.v1', 0, '5');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(failures).toEqual([new Error('The coordinator is rebalancing')]);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(commits).toEqual([[{ topic: 'a.v1', partition: 0, offset: '6' }]]);

    const refused = consumer(true);
    committer.note(refused.target, 'b.v1', 0, '1');
    await jest.advanceTimersByTimeAsync(5_000);
    // Refused twice: left alone (the messages come again), not tried for ever.
    expect(failures).toHaveLength(3);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('drops the offsets of partitions a rebalance gave to another member, and commits those it kept', async () => {
    const { target, commits } = consumer();
    let rebalanced: ((event: ConsumerGroupJoinEvent) => void) | undefined;
    const member: OffsetCommits = { ...target, on: (_event, listener) => (rebalanced = listener) };
    const committer = new OffsetCommitter(() => undefined, 1_000);
    committer.note(member, 'a.v1', 0, '10');
    committer.note(member, 'a.v1', 1, '20');
    committer.note(member, 'b.v1', 2, '30');
    rebalanced?.({
      id: '1',
      type: 'consumer.group_join',
      timestamp: Date.now(),
      payload: {
        duration: 5,
        groupId: 'g',
        isLeader: false,
        leaderId: 'other',
        groupProtocol: 'RoundRobinAssigner',
        memberId: 'me',
        memberAssignment: { 'a.v1': [1], 'b.v1': [0] },
      },
    });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(commits).toEqual([[{ topic: 'a.v1', partition: 1, offset: '21' }]]);
  });
});
