'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.matterCode = matterCode;
exports.parseAnnexTable = parseAnnexTable;
const catalogue_error_1 = require('./catalogue-error');
const handling_mode_1 = require('./handling-mode');
const matter_type_1 = require('./matter-type');
const HEADERS = {
  town: ['序号', '进驻事项名称', '事项类型', '办理方式', '备注'],
  village: ['序号', '事项名称', '事项类型', '办理方式'],
};
function matterCode(countyPrefix, level, row) {
  return `${countyPrefix}-${level === 'town' ? 'T' : 'V'}-${String(row).padStart(3, '0')}`;
}
/**
 * Reads an annex table. Every row must have a known type and handling mode and a note this code understands;
 * otherwise the whole table is refused with the row named, and nothing is seeded.
 */
function parseAnnexTable(source) {
  const lines = source.text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...body] = lines;
  const expectedHeader = HEADERS[source.level];
  if (header?.split('\t').join('|') !== expectedHeader.join('|')) {
    throw new catalogue_error_1.CatalogueError(
      catalogue_error_1.CatalogueErrorCode.MALFORMED_TABLE,
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
      throw new catalogue_error_1.CatalogueError(
        catalogue_error_1.CatalogueErrorCode.MALFORMED_TABLE,
        `${where}：序号应为 ${index + 1}，且事项名称不能为空`,
      );
    }
    if (!(0, matter_type_1.isMatterTypeName)(type)) {
      throw new catalogue_error_1.CatalogueError(
        catalogue_error_1.CatalogueErrorCode.UNKNOWN_MATTER_TYPE,
        `${where}：不认识的事项类型「${type}」`,
      );
    }
    const knownMode =
      source.level === 'town'
        ? (0, handling_mode_1.isTownHandlingMode)(handlingMode)
        : (0, handling_mode_1.isVillageHandlingMode)(handlingMode);
    if (!knownMode) {
      throw new catalogue_error_1.CatalogueError(
        catalogue_error_1.CatalogueErrorCode.UNKNOWN_HANDLING_MODE,
        `${where}：不认识的办理方式「${handlingMode}」，请先为它确定办理路径`,
      );
    }
    const delegatingUnit = note === '' ? undefined : (0, handling_mode_1.delegatingUnitOf)(note);
    if (note !== '' && !delegatingUnit) {
      throw new catalogue_error_1.CatalogueError(
        catalogue_error_1.CatalogueErrorCode.UNKNOWN_DELEGATION_NOTE,
        `${where}：不认识的备注「${note}」`,
      );
    }
    return {
      code: matterCode(source.countyPrefix, source.level, row),
      level: source.level,
      row,
      name,
      type,
      typeCode: matter_type_1.MATTER_TYPES[type],
      handlingMode: handlingMode,
      note,
      delegatingUnit,
    };
  });
}
//# sourceMappingURL=annex-table.js.map
