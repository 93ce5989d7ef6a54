import { parseAnnexTable, type AnnexSource, type CatalogueRow } from './annex-table';

/** The annexes of the Zezhou plan as kept under seeds/catalogue: annex 1 the town list, annex 2 the village list. */
export const ZEZHOU_ANNEXES: ReadonlyArray<Omit<AnnexSource, 'text'> & { file: string }> = [
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
export function loadZezhouCatalogue(read: (file: string) => string): CatalogueRow[] {
  return ZEZHOU_ANNEXES.flatMap(({ file, ...source }) => parseAnnexTable({ ...source, text: read(file) }));
}
