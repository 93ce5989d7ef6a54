import type { ApplicationChannel } from '@oneseal/contracts';
import { assertReachesPlace, type AuthUser } from '@oneseal/auth';
import { IntakeError, IntakeErrorCode } from './applications.errors';

/** The channels each filing role keys applications in through. */
const CHANNELS_OF_ROLE = {
  'village-agent': ['village-agent'],
  // The window also keys in what reaches the town from its kiosk and the online hall.
  'town-window': ['town-window', 'kiosk', 'online'],
} as const satisfies Partial<Record<AuthUser['roles'][number], readonly ApplicationChannel[]>>;

interface Filing {
  county: string;
  town: string;
  villageCode?: string;
  channel: ApplicationChannel;
}

/**
 * A village agent files for applicants of their own village through the 帮办代办 channel; a town window files in
 * its own town. Anything else is refused before anything is recorded.
 */
export function assertMayFile(user: AuthUser, filing: Filing): void {
  assertReachesPlace(user, filing);
  const allowed = user.roles.some(
    (role) =>
      role in CHANNELS_OF_ROLE &&
      (CHANNELS_OF_ROLE[role as keyof typeof CHANNELS_OF_ROLE] as readonly string[]).includes(filing.channel),
  );
  if (!allowed) throw new IntakeError(IntakeErrorCode.CHANNEL_NOT_YOURS, { channel: filing.channel });
  const onlyAgent = user.roles.includes('village-agent') && !user.roles.includes('town-window');
  if (onlyAgent && filing.villageCode !== user.village)
    throw new IntakeError(IntakeErrorCode.VILLAGE_NOT_YOURS, { villageCode: filing.villageCode ?? null });
}
