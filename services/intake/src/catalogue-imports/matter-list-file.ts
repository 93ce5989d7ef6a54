import type { MatterListSheet } from '@oneseal/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CatalogueImportError, CatalogueImportErrorCode } from './catalogue-import.errors';

/** Lists are a few hundred rows; anything far larger is not a matter list. */
export const MAX_LIST_BYTES = 2 * 1024 * 1024;

const extensionOf = (fileName: string) => /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** Excel saves CSV with a byte-order mark, and Chinese Excel often in GB18030 rather than UTF-8. */
function decodeText(content: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(content).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('gb18030').decode(content);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  return String(value);
}

async function readWorkbook(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new CatalogueImportError(CatalogueImportErrorCode.FILE_UNREADABLE, {
      problem: error instanceof Error ? error.message : String(error),
    });
  }
  // The first sheet is the list: the annexes are one table per file.
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    rows[number - 1] = values;
  });
  return Array.from(rows, (row) => row ?? []);
}

/** Reads an uploaded list into cells: .xlsx, .csv, or tab-separated .tsv/.txt (as the annexes are kept). */
export async function readMatterListFile(fileName: string, content: Buffer): Promise<MatterListSheet> {
  switch (extensionOf(fileName)) {
    case 'xlsx':
      return { fileName, rows: await readWorkbook(content) };
    case 'csv':
      try {
        return {
          fileName,
          rows: parseCsv(decodeText(content), {
            relax_column_count: true,
            skip_empty_lines: true,
          }) as string[][],
        };
      } catch (error) {
        throw new CatalogueImportError(CatalogueImportErrorCode.FILE_UNREADABLE, {
          problem: error instanceof Error ? error.message : String(error),
        });
      }
    case 'tsv':
    case 'txt':
      return {
        fileName,
        rows: decodeText(content)
          .split(/\r?\n/)
          .map((line) => line.split('\t')),
      };
    default:
      throw new CatalogueImportError(CatalogueImportErrorCode.FILE_TYPE_UNSUPPORTED, { fileName });
  }
}
