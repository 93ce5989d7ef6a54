import { EVENT_CONTRACTS, TOPICS, applicationSubmittedV1, caseAcceptedV1 } from '@oneseal/contracts';
import { serviceTopics } from './kafka.module';

describe('the topics a service needs, from the contract registry', () => {
  it('are those of the events it publishes, those it reads (former names too) and the dead-letter topic', () => {
    expect(serviceTopics({ produces: 'intake' })).toEqual([
      TOPICS.applicationSubmittedV1,
      TOPICS.attachmentAddedV1,
      TOPICS.personalDataViewedV1,
      TOPICS.appointmentBookedV1,
      TOPICS.appointmentCancelledV1,
      TOPICS.homeVisitRequestedV1,
      TOPICS.homeVisitScheduledV1,
      TOPICS.bureauRegisteredV1,
      TOPICS.deadLetterV1,
    ]);
    expect(
      serviceTopics({ produces: 'notification', consumes: [applicationSubmittedV1, caseAcceptedV1] }),
    ).toEqual([
      TOPICS.notificationSentV1,
      TOPICS.applicationSubmittedV1,
      TOPICS.caseAcceptedV1,
      'oneseal.approval.case-accepted.v1',
      TOPICS.deadLetterV1,
    ]);
  });

  it('cover every topic for a reader of every event, each once', () => {
    const topics = serviceTopics({ consumes: EVENT_CONTRACTS });
    expect(new Set(topics).size).toBe(topics.length);
    expect(topics).toEqual(expect.arrayContaining(Object.values(TOPICS)));
  });
});
