import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload, type KafkaContext } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bureauRegisteredV1,
  topicsOf,
  type BureauRegisteredV1,
  type EventEnvelope,
} from '@oneseal/contracts';
import { ConsumerEdge, PermanentFailure, receivedMessage } from '@oneseal/kafka';
import { DataSource } from 'typeorm';
import { DivisionNames } from '../divisions/division-names';
import { SealRegistry } from '../seals/seal-registry';
import { Seal } from '../seals/seal.entity';
import { registerOrgans } from './issuing-organs';
import { bureauOrganDefaults } from './organ-directory';

/** What the seal service reads from Kafka: a county's new bureau becomes an organ with a seal applied for. */
export const SEAL_CONSUMES = [bureauRegisteredV1] as const;

const ACTOR = 'oneseal-seal';

@Controller()
export class BureauRegisteredConsumer {
  private readonly logger = new Logger(BureauRegisteredConsumer.name);

  constructor(
    private readonly edge: ConsumerEdge,
    private readonly registry: SealRegistry,
    private readonly divisions: DivisionNames,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @EventPattern(topicsOf(bureauRegisteredV1))
  async onBureauRegistered(@Payload() value: unknown, @Ctx() context: KafkaContext): Promise<void> {
    await this.edge.consume(bureauRegisteredV1, receivedMessage(value, context), (event) =>
      this.register(event),
    );
  }

  /**
   * Registers the organ with its default 文号 pattern and remedies, and applies for its seal (申报): the county's
   * administrator takes it through 审批, 刻制, 备案 and 启用 like any seal. A redelivered event changes nothing.
   */
  private async register(event: EventEnvelope<BureauRegisteredV1>): Promise<void> {
    const { county, unitCode, fullName, numberPrefix } = event.payload;
    const countyName = this.divisions.all().find((town) => town.county === county)?.countyName;
    if (!countyName) throw new PermanentFailure(`bureau ${unitCode}: county ${county} has no divisions here`);
    const slug = unitCode.slice(county.length + 1);
    await registerOrgans(
      this.dataSource.manager,
      [bureauOrganDefaults(county, countyName, { slug, fullName, numberPrefix })],
      ACTOR,
    );
    const seals = await this.dataSource
      .getRepository(Seal)
      .count({ where: { organ: unitCode, kind: 'bureau' } });
    if (seals > 0) return;
    await this.registry.applyForBureau({ bureau: unitCode, actor: ACTOR });
    this.logger.log(`bureau ${unitCode} registered as an organ; its seal applied for`);
  }
}
