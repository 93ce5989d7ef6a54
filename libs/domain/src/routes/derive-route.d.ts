import type { CatalogueRow } from '../catalogue/annex-table';
import { type RoutePlan, type StepBudgets } from './route-plan';
/** What route derivation needs of a matter; a catalogue row has it, and so does an ApplicationSubmitted event. */
export type RoutableMatter = Pick<CatalogueRow, 'code' | 'level' | 'handlingMode' | 'delegatingUnit'>;
export interface RouteContext {
  town: string;
  /** The applicant's village, when the case is filed through its service station (帮办代办). */
  village?: string;
  /** Code of the county unit that owns the matter: the delegating bureau of a "…直接赋权" note, or the unit assigned to it. */
  countyUnitCode: string;
  budgets?: StepBudgets;
}
/**
 * The route of one case of a matter, from the catalogue row and where the applicant filed. Pure and total over
 * every handling mode the catalogue parser accepts.
 */
export declare function deriveRoute(matter: RoutableMatter, context: RouteContext): RoutePlan;
//# sourceMappingURL=derive-route.d.ts.map
