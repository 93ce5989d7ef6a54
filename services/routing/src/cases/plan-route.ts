import type { ApplicationSubmittedV1, EventEnvelope, RoutePlan } from '@oneseal/contracts';
import {
  deriveRoute,
  isInformationService,
  isTownHandlingMode,
  isVillageHandlingMode,
  type HandlingMode,
} from '@oneseal/domain';
import { PermanentFailure } from '@oneseal/kafka';

/**
 * The route of a submitted case, from the matter snapshot intake recorded. A mode this version of OneSeal has no
 * rule for can never be routed: the event is dead-lettered with the reason instead of blocking the partition.
 */
export function planRoute(event: EventEnvelope<ApplicationSubmittedV1>): RoutePlan {
  const { payload } = event;
  const mode = payload.handlingMode;
  const known = payload.matterLevel === 'town' ? isTownHandlingMode(mode) : isVillageHandlingMode(mode);
  if (!known)
    throw new PermanentFailure(`no route rule for handling mode "${mode}" of ${payload.matterCode}`);
  if (!event.town) throw new PermanentFailure(`case ${payload.caseId} names no town`);
  try {
    return deriveRoute(
      {
        code: payload.matterCode,
        level: payload.matterLevel,
        handlingMode: mode as HandlingMode,
        delegatingUnit: payload.delegatingUnit,
      },
      {
        town: event.town,
        village: payload.channel === 'village-agent' ? payload.villageCode : undefined,
        countyUnitCode: payload.countyUnitCode,
        delegatedToTown: payload.delegatedToTown === true,
        committedLimitWorkingDays: payload.committedLimitWorkingDays,
        caseKind: payload.caseKind,
        informationOnly: isInformationService(payload.matterName),
        ...(payload.townTwinCode && payload.townTwinCountyUnitCode
          ? {
              townTwin: {
                code: payload.townTwinCode,
                handlingMode: payload.townTwinHandlingMode ?? '',
                delegatingUnit: payload.townTwinDelegatingUnit,
                countyUnitCode: payload.townTwinCountyUnitCode,
                delegatedToTown: payload.townTwinDelegatedToTown === true,
              },
            }
          : {}),
      },
    );
  } catch (error) {
    throw new PermanentFailure(error instanceof Error ? error.message : String(error));
  }
}
