import { Matches } from 'class-validator';

/** A 32-byte secret given as 64 hex characters (openssl rand -hex 32); the message names the variable. */
export const IsHexKey = (variable: string) =>
  Matches(/^[0-9a-fA-F]{64}$/, {
    message: `${variable} must be 64 hex characters (32 random bytes, e.g. openssl rand -hex 32)`,
  });
