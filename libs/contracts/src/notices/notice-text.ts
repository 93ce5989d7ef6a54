import type { NoticeKind } from '../events/notice-issued/v1/payload';

/** A table in a notice (a 通报's ranking): the header row, then rows of plain text. */
export interface NoticeTable {
  columns: string[];
  rows: string[][];
}

/**
 * What a county organ's notice says, before it is laid out and sealed (GB/T 9704: title, 主送机关, 正文): the
 * paragraphs before its table, the table, the paragraphs after it.
 */
export interface NoticeText {
  /** 关于2026年11月全县乡镇便民服务中心考核情况的通报. */
  title: string;
  /** 各乡镇人民政府： */
  addressee: string;
  opening: string[];
  table?: NoticeTable;
  closing: string[];
}

/** What the organ that composed a notice asks the seal service to issue (POST /notices). */
export interface IssueNoticeRequest {
  /** One notice per key: asking again with the same key answers the notice already issued. */
  noticeKey: string;
  kind: NoticeKind;
  county: string;
  text: NoticeText;
}

/** A notice as issued under seal and published. */
export interface IssuedNotice {
  documentId: string;
  kind: NoticeKind;
  county: string;
  title: string;
  /** 文号 (泽审批〔2026〕3号). */
  number: string;
  issuerName: string;
  issuedAt: string;
  verificationCode: string;
  fileName: string;
  /** false when the key had already been issued: nothing new was numbered or stamped. */
  created: boolean;
}
