import {
  AssignerProtocol,
  PartitionAssigners,
  type Assigner,
  type Assignment,
  type GroupMember,
  type PartitionAssigner,
} from 'kafkajs';

/**
 * Every event is keyed by its case, so a case's events sit in the same partition number of every topic (topics of
 * one cluster share its partition count). kafkajs's round-robin assigner deals out a group's topic-partitions one
 * after another across all topics, so a case's acceptance and its decision went to different replicas of a service:
 * neither replica's per-case memory (audit's stream heads, notification's applicants) held for the next event, and
 * each took the slow, locked way. This assigner gives partition p of every topic to the same member — the p-th of
 * the members subscribed to the topic, in member order, wrapping around — so a replica keeps its cases.
 */
export const CASE_PARTITIONS_ASSIGNER = 'OneSealCasePartitions';

/** Topic → partitions for each member: partition p of a topic to the (p mod n)-th of its n subscribers. */
export function assignByPartitionNumber(
  subscriptions: ReadonlyMap<string, readonly string[]>,
  partitionsOf: (topic: string) => readonly number[],
): Map<string, Assignment> {
  const assignments = new Map<string, Assignment>();
  const members = [...subscriptions.keys()].sort();
  for (const member of members) assignments.set(member, {});
  const topics = new Set([...subscriptions.values()].flat());
  for (const topic of [...topics].sort()) {
    const subscribers = members.filter((member) => subscriptions.get(member)?.includes(topic));
    for (const partition of partitionsOf(topic)) {
      const assignment = assignments.get(subscribers[partition % subscribers.length]) as Assignment;
      (assignment[topic] ??= []).push(partition);
    }
  }
  return assignments;
}

export const casePartitionsAssigner: PartitionAssigner = ({ cluster }): Assigner => ({
  name: CASE_PARTITIONS_ASSIGNER,
  version: 0,
  assign({ members }: { members: GroupMember[]; topics: string[] }) {
    const subscriptions = new Map(
      members.map(({ memberId, memberMetadata }) => [
        memberId,
        AssignerProtocol.MemberMetadata.decode(memberMetadata)?.topics ?? [],
      ]),
    );
    const assignments = assignByPartitionNumber(subscriptions, (topic) =>
      cluster
        .findTopicPartitionMetadata(topic)
        .map((metadata) => metadata.partitionId)
        .sort((a, b) => a - b),
    );
    return Promise.resolve(
      [...assignments].map(([memberId, assignment]) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({
          version: 0,
          assignment,
          userData: Buffer.alloc(0),
        }),
      })),
    );
  },
  protocol({ topics }: { topics: string[] }) {
    return {
      name: CASE_PARTITIONS_ASSIGNER,
      metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }),
    };
  },
});

/**
 * The assigners a service's consumer offers, preferred first: the group uses the first one every member offers, so
 * while replicas of an older release (round robin only) are still in the group, it stays round robin.
 */
export const CONSUMER_PARTITION_ASSIGNERS: PartitionAssigner[] = [
  casePartitionsAssigner,
  PartitionAssigners.roundRobin,
];
