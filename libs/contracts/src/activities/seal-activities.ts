/** What the case workflow hands the seal service once a case is decided, to have its result document stamped. */
export interface StampDecisionInput {
  caseId: string;
  /**
   * Identifies the decision: exactly one stamp exists per decision, however often the activity is retried or
   * the request redelivered. The workflow derives it deterministically (one per case result).
   */
  decisionId: string;
  county: string;
  /** The town whose one approval seal stamps the document (9 digits). */
  town: string;
  correlationId: string;
  /** 办件编号 printed on the document. */
  receiptNumber: string;
  matterCode: string;
  matterName: string;
  applicantName: string;
  /** 准予 / 不予许可: the decision the document states. */
  result: '准予' | '不予许可';
  /** 决定书 for a decision, 证明 where the matter issues a proof, 证书 for a certificate. */
  documentKind: 'decision' | 'proof' | 'certificate';
  /** The opinion of the deciding step, printed as the decision's reasons. */
  opinion: string;
  /** The person who decided; the stamper recorded in the ledger is the seal service acting for the town. */
  decidedBy: string;
  /** The decider's name, for the document and the 用印登记; absent from workflows started before it was sent. */
  decidedByName?: string;
  decidedAt: string;
}

export interface StampedDocument {
  documentId: string;
  stampId: string;
  sealId: string;
  /** SM3 of the stamped PDF, hex. */
  documentSm3: string;
  /** Printed on the document and entered on the public verification page. */
  verificationCode: string;
  stampedAt: string;
  /** False when the decision had been stamped before: the earlier stamp is returned, no second one is made. */
  created: boolean;
}

/**
 * Activities the seal service runs on TASK_QUEUES.sealActivities. A town without an active approval seal makes
 * stampDecision fail with the retryable type 'SealNotActive' (the attempt is recorded): the case waits, with
 * backoff, until the town's seal is activated.
 */
export interface SealActivities {
  stampDecision(input: StampDecisionInput): Promise<StampedDocument>;
}
