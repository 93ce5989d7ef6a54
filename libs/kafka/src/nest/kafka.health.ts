import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Kafka } from 'kafkajs';
import { consumerLiveness } from '../consumer-liveness';
import { describeCluster } from '../topics-admin';
import { KAFKA_CLIENT } from './kafka.tokens';

@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key = 'kafka') {
    const indicator = this.health.check(key);
    const stopped = consumerLiveness.stopped;
    if (stopped) return indicator.down({ message: `event consumer stopped: ${stopped}` });
    try {
      const cluster = await describeCluster(this.kafka);
      return indicator.up({ brokers: cluster.brokers });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
