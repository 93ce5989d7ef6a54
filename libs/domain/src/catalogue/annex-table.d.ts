import { type HandlingMode } from './handling-mode';
import { type MatterTypeCode, type MatterTypeName } from './matter-type';
export type CatalogueLevel = 'town' | 'village';
/** One row of an annex, exactly as the document writes it, plus its stable code. */
export interface CatalogueRow {
  /** Stable code: names repeat across rows (临时救助 is town rows 2 and 8), so a matter is known by its code. */
  code: string;
  level: CatalogueLevel;
  row: number;
  name: string;
  type: MatterTypeName;
  typeCode: MatterTypeCode;
  handlingMode: HandlingMode;
  note: string;
  /** The county unit a "…直接赋权" note names. */
  delegatingUnit?: string;
}
export interface AnnexSource {
  /** Short county prefix for codes, e.g. ZZ for 泽州县. */
  countyPrefix: string;
  level: CatalogueLevel;
  /** A name for messages, e.g. the file name. */
  name: string;
  /** Tab-separated text: a header line, then one line per row. */
  text: string;
}
export declare function matterCode(countyPrefix: string, level: CatalogueLevel, row: number): string;
/**
 * Reads an annex table. Every row must have a known type and handling mode and a note this code understands;
 * otherwise the whole table is refused with the row named, and nothing is seeded.
 */
export declare function parseAnnexTable(source: AnnexSource): CatalogueRow[];
//# sourceMappingURL=annex-table.d.ts.map
