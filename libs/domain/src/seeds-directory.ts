import { resolve } from 'node:path';

/**
 * The reference data every service reads (catalogue, places, bureaus, calendars): ONESEAL_SEEDS_DIR, else the
 * repository's seeds/ (from libs/domain/src or libs/domain/dist), which is also where the Docker image
 * copies it (/app/seeds).
 */
export function defaultSeedsDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.ONESEAL_SEEDS_DIR ?? resolve(__dirname, '..', '..', '..', 'seeds');
}
