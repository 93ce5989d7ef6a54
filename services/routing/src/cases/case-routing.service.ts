import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  TASK_QUEUES,
  caseRoutedV1,
  type ApplicationSubmittedV1,
  type CaseHandlingInput,
  type SeparatedSteps,
  type EventEnvelope,
  type RoutePlan,
} from '@oneseal/contracts';
import { enqueueEvent, processOnce, type ProcessOutcome } from '@oneseal/database';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import { caseHandlingWorkflow } from '@oneseal/workflows';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { lookupDigest, phoneTail } from '@oneseal/domain';
import { ROUTING_SCHEMA } from '../config/routing.env';
import { progressQueryDigest } from '../applicant-progress/progress-query-digest';
import { planRoute } from './plan-route';
import { RoutedCase } from './routed-case.entity';

export const ROUTING_CONSUMER = 'routing.application-submitted';

/** County settings every new case workflow is started with, and the key of the digests staff search by. */
export interface CasePolicy {
  correctionWaitWorkingDays: number;
  applicantLookupKey: Buffer;
  /** Pairs of steps one person may not both take, beyond review and decision. */
  separatedSteps?: SeparatedSteps[];
}

export const CASE_POLICY = Symbol('CASE_POLICY');

@Injectable()
export class CaseRoutingService {
  private readonly logger = new Logger(CaseRoutingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CASE_POLICY) private readonly policy: CasePolicy,
  ) {}

  /**
   * Starts the case's workflow, then records the routing and its CaseRouted event. A case routed before is never
   * started again, whatever the envelope (a redelivery, a submission re-published after consumer offsets expired,
   * long after Temporal forgot the finished workflow): the routing record is checked first. Between starting and
   * recording, the workflow id is the case id and Temporal refuses a second start, so an attempt that died there is
   * picked up where it stopped.
   */
  async routeCase(event: EventEnvelope<ApplicationSubmittedV1>): Promise<ProcessOutcome> {
    const caseId = event.payload.caseId;
    if (await this.dataSource.getRepository(RoutedCase).existsBy({ caseId })) {
      this.logger.log(`case ${caseId} already routed (submission ${event.id} ignored)`);
      return 'duplicate';
    }
    const route = planRoute(event);
    const workflowRunId = await this.startCaseWorkflow(event, route);
    const outcome = await processOnce(
      this.dataSource,
      ROUTING_SCHEMA,
      ROUTING_CONSUMER,
      { id: event.id, topic: caseRoutedV1.topic },
      async (manager) => {
        await manager.insert(RoutedCase, {
          caseId,
          county: event.county,
          town: event.town ?? '',
          matterCode: event.payload.matterCode,
          receiptNumber: event.payload.receiptNumber,
          matterName: event.payload.matterName,
          matterTypeCode: event.payload.matterTypeCode ?? null,
          applicantName: event.payload.applicantName,
          channel: event.payload.channel,
          applicantIdTail: event.payload.applicantIdTail ?? null,
          applicantIdDigest: event.payload.applicantIdDigest ?? null,
          applicantPhoneTail: phoneTail(event.payload.applicantPhone),
          applicantPhoneDigest: lookupDigest(
            this.policy.applicantLookupKey,
            'phone',
            event.payload.applicantPhone,
          ),
          villageCode: event.payload.villageCode ?? null,
          progressQuerySha256: event.payload.progressQueryCode
            ? progressQueryDigest(event.payload.receiptNumber, event.payload.progressQueryCode)
            : null,
          route,
          workflowId: caseId,
          workflowRunId,
          routedAt: new Date(),
        });
        await enqueueEvent(manager, ROUTING_SCHEMA, caseRoutedV1, {
          subject: caseId,
          county: event.county,
          town: event.town,
          actor: { kind: 'service', id: 'routing' },
          correlationId: event.correlationId,
          causationId: event.id,
          payload: { caseId, workflowId: caseId, workflowRunId, taskQueue: TASK_QUEUES.caseWorkflows },
        });
      },
    );
    this.logger.log(
      `case ${caseId} ${outcome === 'processed' ? 'routed' : 'already routed (redelivery ignored)'}`,
    );
    return outcome;
  }

  private async startCaseWorkflow(
    event: EventEnvelope<ApplicationSubmittedV1>,
    route: RoutePlan,
  ): Promise<string> {
    const { payload } = event;
    const caseId = payload.caseId;
    const input: CaseHandlingInput = {
      caseId,
      county: event.county,
      town: event.town ?? '',
      matterCode: payload.matterCode,
      matterName: payload.matterName,
      matterVersion: payload.matterVersion,
      ...(payload.matterTypeCode ? { matterTypeCode: payload.matterTypeCode } : {}),
      ...(payload.legalBasis ? { legalBasis: payload.legalBasis } : {}),
      receiptNumber: payload.receiptNumber,
      applicantName: payload.applicantName,
      correlationId: event.correlationId,
      caseKind: payload.caseKind,
      committedLimitWorkingDays: payload.committedLimitWorkingDays,
      statutoryLimitWorkingDays: payload.statutoryLimitWorkingDays,
      deliveryMethod: payload.deliveryMethod,
      correctionWaitWorkingDays: this.policy.correctionWaitWorkingDays,
      route,
      ...(this.policy.separatedSteps?.length ? { separatedSteps: this.policy.separatedSteps } : {}),
    };
    try {
      const handle = await this.temporal.workflow.start(caseHandlingWorkflow, {
        workflowId: caseId,
        taskQueue: TASK_QUEUES.caseWorkflows,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        // This service's worker runs the case workflows on the client's connection (TemporalConnection): the server
        // hands it the case's first workflow task with the start's answer instead of through its task queue.
        requestEagerStart: true,
        args: [input],
      });
      return handle.firstExecutionRunId;
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const description = await this.temporal.workflow.getHandle(caseId).describe();
      return description.runId;
    }
  }
}
