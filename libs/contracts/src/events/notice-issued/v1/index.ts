import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { NoticeIssuedV1 } from './payload';

export { NoticeIssuedV1, NOTICE_KINDS, type NoticeKind } from './payload';

export const noticeIssuedV1 = defineEventContract({
  topic: TOPICS.noticeIssuedV1,
  type: 'seal.notice-issued',
  version: 1,
  payloadClass: NoticeIssuedV1,
});
