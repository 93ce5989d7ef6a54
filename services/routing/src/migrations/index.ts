import { CreateRoutedCases1763800000100 } from './1763800000100-CreateRoutedCases';

/** In the order they run. */
export const ROUTING_MIGRATIONS = [CreateRoutedCases1763800000100];
