import { TemporalServiceEnv, validateEnv } from '@oneseal/service-kit';

export class RoutingEnv extends TemporalServiceEnv {}

export const ROUTING_SCHEMA = 'routing';

export function loadRoutingEnv(env: Record<string, string | undefined> = process.env): RoutingEnv {
  return validateEnv('routing', RoutingEnv, env);
}
