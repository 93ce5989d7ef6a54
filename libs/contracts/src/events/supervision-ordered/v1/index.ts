import { TOPICS } from '../../../topics';
import { defineEventContract } from '../../event-contract';
import { SupervisionOrderedV1 } from './payload';

export { SUPERVISION_ORDER_KINDS, SupervisionOrderedV1, type SupervisionOrderKind } from './payload';

export const supervisionOrderedV1 = defineEventContract({
  topic: TOPICS.supervisionOrderedV1,
  type: 'routing.supervision-ordered',
  version: 1,
  payloadClass: SupervisionOrderedV1,
});
