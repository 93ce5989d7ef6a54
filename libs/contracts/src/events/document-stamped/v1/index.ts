import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { DocumentStampedV1 } from './payload';

export { DocumentStampedV1 } from './payload';

export const documentStampedV1 = defineEventContract({
  topic: TOPICS.documentStampedV1,
  type: 'seal.document-stamped',
  version: 1,
  payloadClass: DocumentStampedV1,
});
