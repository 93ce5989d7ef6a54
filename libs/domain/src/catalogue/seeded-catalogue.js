'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.ZEZHOU_ANNEXES = void 0;
exports.loadZezhouCatalogue = loadZezhouCatalogue;
const annex_table_1 = require('./annex-table');
/** The annexes of the Zezhou plan as kept under seeds/catalogue: annex 1 the town list, annex 2 the village list. */
exports.ZEZHOU_ANNEXES = [
  {
    countyPrefix: 'ZZ',
    level: 'town',
    name: '泽州县各镇第一批政务服务事项指导清单',
    file: 'zezhou-annex1-town-matters.tsv',
  },
  {
    countyPrefix: 'ZZ',
    level: 'village',
    name: '泽州县村（社区）政务服务事项指导清单',
    file: 'zezhou-annex2-village-matters.tsv',
  },
];
/** Parses every annex; `read` supplies a file's text (the seed command reads seeds/catalogue, tests too). */
function loadZezhouCatalogue(read) {
  return exports.ZEZHOU_ANNEXES.flatMap(({ file, ...source }) =>
    (0, annex_table_1.parseAnnexTable)({ ...source, text: read(file) }),
  );
}
//# sourceMappingURL=seeded-catalogue.js.map
