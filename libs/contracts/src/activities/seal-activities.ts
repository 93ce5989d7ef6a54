import type { HandoverMethod, SpecialProcedure } from '../events/shared-fields';

/**
 * How often the seal service's activities tell the Temporal server they are still at work, and how long the case
 * workflow lets one go without it before trying again: a task the server lost on its way to the worker is retried
 * after `timeoutMs`, while an attempt that is slow but alive (many documents at once) keeps its two minutes.
 */
export const SEAL_ACTIVITY_HEARTBEAT = { everyMs: 3_000, timeoutMs: 15_000 } as const;

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

/**
 * The documents a case produces (行政许可法 art. 32, 38, 42, 44, 45): what the window issues at intake, the decision,
 * the notices during handling, and the record of delivery.
 */
export const CASE_DOCUMENT_KINDS = [
  'acceptance-notice',
  'correction-notice',
  'non-acceptance',
  'decision',
  'extension-notice',
  'special-procedure-notice',
  'delivery-receipt',
] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];

/** The organ that issues a document and whose seal it carries: the town (its approval seal) or a county bureau. */
export type DocumentIssuer = { level: 'town' } | { level: 'county'; unitCode: string };

/** A person a document names, as they are called and what they are. */
export interface NamedPerson {
  id: string;
  name?: string;
}

export type CaseDocumentContent =
  | {
      kind: 'acceptance-notice';
      receivedOn: string;
      acceptedOn: string;
      committedDueDate: string;
      /** The date reaches into a year whose holidays are not published yet. */
      provisional?: boolean;
      /** 视为受理 (art. 32): accepted by law from the day of receipt. */
      deemed: boolean;
      /** The organ that will decide, when it is not the accepting town (the notice names it). */
      decidingOrgan?: DocumentIssuer;
    }
  | {
      kind: 'correction-notice';
      receivedOn?: string;
      missingMaterials: string[];
      supplyBy: string;
      opinion: string;
    }
  | {
      kind: 'non-acceptance';
      reason: string;
      /** The organ the applicant should apply to, when the matter is not this organ's (art. 32(1)(2)). */
      referTo?: string;
    }
  | {
      kind: 'decision';
      result: '准予' | '不予许可';
      opinion: string;
      /** What a 给付 grants, as the decider recorded it (amount, form, from when). */
      grant?: { amount?: string; form?: string; from?: string };
    }
  | {
      kind: 'extension-notice';
      extraWorkingDays: number;
      reason: string;
      approvedBy: NamedPerson;
      committedDueDate: string;
      provisional?: boolean;
    }
  | {
      kind: 'special-procedure-notice';
      procedure: SpecialProcedure;
      reason: string;
      expectedWorkingDays?: number;
    }
  | {
      kind: 'delivery-receipt';
      method: HandoverMethod;
      recipient: string;
      deliveredOn: string;
      /** The document handed over (its id), printed by title and 文号. */
      deliveredDocumentId?: string;
      /** 邮寄送达: the carrier and the tracking number printed on the 送达回证. */
      carrier?: string;
      trackingNumber?: string;
      /** 上门送达: who carried it, printed as the 送达人 instead of the one who recorded it. */
      deliveredBy?: string;
    };

/** What the case workflow asks the seal service to issue: one document, under its issuing organ's seal. */
export interface IssueDocumentInput {
  caseId: string;
  county: string;
  town: string;
  correlationId: string;
  /**
   * Identifies the document: exactly one is issued per key, however often the activity is retried. The workflow
   * derives it deterministically (uuid4 under replay).
   */
  documentKey: string;
  issuer: DocumentIssuer;
  receiptNumber: string;
  matterCode: string;
  matterName: string;
  /** GB/T 39046 type code: the decision's words follow it; absent for cases filed before it was kept. */
  matterTypeCode?: string;
  /** 设定依据 of the matter's guide, when the responsible bureau has confirmed it. */
  legalBasis?: string;
  applicantName: string;
  /** Who handled the act the document records (the window clerk, the deciding leader). */
  handledBy: NamedPerson & { title: string };
  issuedAt: string;
  content: CaseDocumentContent;
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

/** A document as issued: what the case's page lists. */
export interface IssuedDocument extends StampedDocument {
  kind: CaseDocumentKind;
  /** 受理通知书, 给付决定书 …: the title printed on it. */
  title: string;
  /** 文号, e.g. 南村便审〔2026〕17号. */
  number: string;
  /** The issuing organ's name. */
  issuerName: string;
  /** 140525-20261205-000135-受理通知书.pdf */
  fileName: string;
}

/** A 送达回证 to issue (its content names the document handed over). */
export type IssueDeliveryReceiptInput = IssueDocumentInput & {
  content: Extract<CaseDocumentContent, { kind: 'delivery-receipt' }>;
};

/** A decision delivered electronically the moment it is issued, and its 送达回证 (see issueDecisionWithReceipt). */
export interface IssueDecisionWithReceiptInput {
  decision: IssueDocumentInput;
  /** Its content's deliveredDocumentId is the decision's, filled in by the seal service once it is issued. */
  receipt: IssueDeliveryReceiptInput;
}

export interface IssuedDecisionWithReceipt {
  decision: IssuedDocument;
  receipt: IssuedDocument;
}

/**
 * Activities the seal service runs on TASK_QUEUES.sealActivities. An issuing organ without an active seal makes
 * them fail with the retryable type 'SealNotActive' (the attempt is recorded): the case waits, with backoff, until
 * the seal is activated.
 */
export interface SealActivities {
  /** The decision of cases started before documents were issued per organ: stamped with the town's seal. */
  stampDecision(input: StampDecisionInput): Promise<StampedDocument>;
  issueDocument(input: IssueDocumentInput): Promise<IssuedDocument>;
  /**
   * Issues a decision, then the 送达回证 of its electronic delivery naming it: one activity where the two would take
   * two, each with a workflow task for its result. Idempotent as issueDocument is, per document key.
   */
  issueDecisionWithReceipt(input: IssueDecisionWithReceiptInput): Promise<IssuedDecisionWithReceipt>;
}
