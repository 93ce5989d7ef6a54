import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { AttachmentAddedV1 } from './payload';

export { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_STAGES, AttachmentAddedV1 } from './payload';
export type { AttachmentContentType, AttachmentStage } from './payload';

export const attachmentAddedV1 = defineEventContract({
  topic: TOPICS.attachmentAddedV1,
  type: 'intake.attachment-added',
  version: 1,
  payloadClass: AttachmentAddedV1,
});
