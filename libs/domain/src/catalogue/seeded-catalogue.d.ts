import { type AnnexSource, type CatalogueRow } from './annex-table';
/** The annexes of the Zezhou plan as kept under seeds/catalogue: annex 1 the town list, annex 2 the village list. */
export declare const ZEZHOU_ANNEXES: ReadonlyArray<
  Omit<AnnexSource, 'text'> & {
    file: string;
  }
>;
/** Parses every annex; `read` supplies a file's text (the seed command reads seeds/catalogue, tests too). */
export declare function loadZezhouCatalogue(read: (file: string) => string): CatalogueRow[];
//# sourceMappingURL=seeded-catalogue.d.ts.map
