import { Histogram } from 'prom-client';
import { wrappedActivities } from './wrapped-activities';

const activityDuration = new Histogram({
  name: 'oneseal_activity_duration_seconds',
  help: 'Temporal activities this worker ran, by activity and outcome, and how long they took',
  labelNames: ['activity', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

/** The same activities, each timed on /metrics (oneseal_activity_duration_seconds). */
export function timedActivities<T extends object>(activities: T): T {
  return wrappedActivities(activities, (name, call) => async (...args) => {
    const end = activityDuration.startTimer({ activity: name });
    try {
      const result = await call(...args);
      end({ outcome: 'completed' });
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  });
}
