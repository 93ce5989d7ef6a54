/** Why a document is or is not a validly stamped document: a stable code and what the public is told. */
export const VERIFICATION_REASONS = {
  VALID: '文件完整，电子印章有效',
  NOT_STAMPED: '文件中没有可识别的电子印章',
  ALTERED: '文件在加盖电子印章后被改动过',
  UNKNOWN_SEAL: '文件上的印章不是登记在册的印章',
  SEAL_NOT_ACTIVE: '用印时该印章不在启用状态',
  BAD_SIGNATURE: '电子签名无效：印章数据或签章数据被伪造或篡改',
  UNKNOWN_CODE: '没有这个验证码对应的文件，请核对验证码',
  NOT_REGISTERED: '用印登记中没有这次用印：文件不是经本系统登记用印出具的',
} as const;

export type VerificationReason = keyof typeof VERIFICATION_REASONS;

export interface StampSummary {
  stampId: string;
  documentId: string;
  /** Absent on a notice a county organ issued outside any case. */
  caseId?: string;
  /** 办件编号 as the signed stamp record states it: what the holder of the document recognises. */
  receiptNumber?: string;
  sealId: string;
  sealName: string;
  stamper: string;
  stampedAt: string;
  documentSm3: string;
  verificationCode: string;
  /** The document's title and 文号 as the signed record states them (absent on decisions stamped before). */
  title?: string;
  number?: string;
}

/**
 * What the document says, from the registry (not from the file), so a paper copy can be held against it: who issued
 * it, its title and 文号, the case, the matter, the outcome, the day, and the applicant's name masked.
 */
export interface DocumentEssentials {
  issuer: string;
  title: string;
  number: string | null;
  /** null on a notice outside any case (考核通报). */
  receiptNumber: string | null;
  issuedOn: string | null;
  matterName?: string;
  outcome?: string;
  applicant?: string;
}

export interface VerificationResult {
  valid: boolean;
  reason: VerificationReason;
  message: string;
  /** What the document's stamp says, when it could be read. */
  stamp?: StampSummary;
  /** What the registry recorded of the document, when it is valid and verified online. */
  document?: DocumentEssentials;
}

export function verdict(reason: VerificationReason, stamp?: StampSummary): VerificationResult {
  return {
    valid: reason === 'VALID',
    reason,
    message: VERIFICATION_REASONS[reason],
    ...(stamp ? { stamp } : {}),
  };
}
