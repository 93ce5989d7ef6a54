import { AssignerProtocol, type Cluster, type Logger } from 'kafkajs';
import { assignByPartitionNumber, casePartitionsAssigner } from './case-partition-assigner';

const partitions = (count: number) => () => Array.from({ length: count }, (_, index) => index);

describe('assigning a group’s partitions by partition number', () => {
  it('gives partition p of every topic to the same replica, so a case’s events all reach one', () => {
    const topics = ['oneseal.intake.application-submitted.v1', 'oneseal.routing.case-accepted.v1'];
    const assigned = assignByPartitionNumber(
      new Map([
        ['audit-b', topics],
        ['audit-a', topics],
      ]),
      partitions(6),
    );
    expect(Object.fromEntries(assigned)).toEqual({
      'audit-a': { [topics[0]]: [0, 2, 4], [topics[1]]: [0, 2, 4] },
      'audit-b': { [topics[0]]: [1, 3, 5], [topics[1]]: [1, 3, 5] },
    });
  });

  it('assigns every partition once, and a topic only to the members subscribed to it', () => {
    const assigned = assignByPartitionNumber(
      new Map([
        ['m1', ['a', 'b']],
        ['m2', ['a']],
        ['m3', ['a', 'b']],
      ]),
      partitions(3),
    );
    expect(Object.fromEntries(assigned)).toEqual({
      m1: { a: [0], b: [0, 2] },
      m2: { a: [1] },
      m3: { a: [2], b: [1] },
    });
  });

  it('speaks kafkajs’s group protocol: what a member subscribes to in, its partitions out', async () => {
    const cluster = {
      findTopicPartitionMetadata: (topic: string) =>
        (topic === 'a' ? [2, 0, 1] : [0]).map((partitionId) => ({ partitionId })),
    } as unknown as Cluster;
    const assigner = casePartitionsAssigner({ cluster, groupId: 'audit', logger: {} as Logger });
    const member = (memberId: string, topics: string[]) => ({
      memberId,
      memberMetadata: assigner.protocol({ topics }).metadata,
    });
    const answer = await assigner.assign({
      members: [member('y', ['a', 'b']), member('x', ['a'])],
      topics: [],
    });
    const decoded = Object.fromEntries(
      answer.map(({ memberId, memberAssignment }) => [
        memberId,
        AssignerProtocol.MemberAssignment.decode(memberAssignment)?.assignment,
      ]),
    );
    expect(decoded).toEqual({ x: { a: [0, 2] }, y: { a: [1], b: [0] } });
  });
});
