import { CatalogueError, CatalogueErrorCode } from './catalogue-error';
import {
  delegatingUnitOf,
  isTownHandlingMode,
  isVillageHandlingMode,
  type HandlingMode,
} from './handling-mode';
import { isMatterTypeName, MATTER_TYPES, type MatterTypeCode, type MatterTypeName } from './matter-type';

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

const HEADERS: Record<CatalogueLevel, string[]> = {
  town: ['序号', '进驻事项名称', '事项类型', '办理方式', '备注'],
  village: ['序号', '事项名称', '事项类型', '办理方式'],
};

export function matterCode(countyPrefix: string, level: CatalogueLevel, row: number): string {
  return `${countyPrefix}-${level === 'town' ? 'T' : 'V'}-${String(row).padStart(3, '0')}`;
}

/**
 * Reads an annex table. Every row must have a known type and handling mode and a note this code understands;
 * otherwise the whole table is refused with the row named, and nothing is seeded.
 */
export function parseAnnexTable(source: AnnexSource): CatalogueRow[] {
  const lines = source.text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...body] = lines;
  const expectedHeader = HEADERS[source.level];
  if (header?.split('\t').join('|') !== expectedHeader.join('|')) {
    throw new CatalogueError(
      CatalogueErrorCode.MALFORMED_TABLE,
      `${source.name}: 表头应为「${expectedHeader.join('、')}」`,
    );
  }
  return body.map((line, index) => {
    const cells = line.split('\t');
    const [rowText = '', name = '', type = '', handlingMode = '', note = ''] = cells.map((cell) =>
      cell.trim(),
    );
    const where = `${source.name} 第 ${index + 1} 行（序号 ${rowText}）`;
    const row = Number(rowText);
    if (!Number.isInteger(row) || row !== index + 1 || name === '' || cells.length > expectedHeader.length) {
      throw new CatalogueError(
        CatalogueErrorCode.MALFORMED_TABLE,
        `${where}：序号应为 ${index + 1}，且事项名称不能为空`,
      );
    }
    if (!isMatterTypeName(type)) {
      throw new CatalogueError(
        CatalogueErrorCode.UNKNOWN_MATTER_TYPE,
        `${where}：不认识的事项类型「${type}」`,
      );
    }
    const knownMode =
      source.level === 'town' ? isTownHandlingMode(handlingMode) : isVillageHandlingMode(handlingMode);
    if (!knownMode) {
      throw new CatalogueError(
        CatalogueErrorCode.UNKNOWN_HANDLING_MODE,
        `${where}：不认识的办理方式「${handlingMode}」，请先为它确定办理路径`,
      );
    }
    const delegatingUnit = note === '' ? undefined : delegatingUnitOf(note);
    if (note !== '' && !delegatingUnit) {
      throw new CatalogueError(
        CatalogueErrorCode.UNKNOWN_DELEGATION_NOTE,
        `${where}：不认识的备注「${note}」`,
      );
    }
    return {
      code: matterCode(source.countyPrefix, source.level, row),
      level: source.level,
      row,
      name,
      type,
      typeCode: MATTER_TYPES[type],
      handlingMode: handlingMode as HandlingMode,
      note,
      delegatingUnit,
    };
  });
}
