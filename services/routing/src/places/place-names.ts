import type { Provider } from '@nestjs/common';
import { defaultSeedsDirectory, SeededPlaceNames } from '@oneseal/domain';

/** County, town and bureau names for what people read (reports, 考核, 约谈 records), read once at boot. */
export const PLACE_NAMES = Symbol('PLACE_NAMES');

export const placeNamesProvider: Provider = {
  provide: PLACE_NAMES,
  useFactory: () => SeededPlaceNames.fromSeeds(defaultSeedsDirectory()),
};
