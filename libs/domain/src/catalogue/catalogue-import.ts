import type { CatalogueLevel } from './annex-table';
import {
  delegatingUnitOf,
  isTownHandlingMode,
  isVillageHandlingMode,
  TOWN_HANDLING_MODES,
  VILLAGE_HANDLING_MODES,
  type HandlingMode,
} from './handling-mode';
import {
  isAppliedFor,
  isMatterTypeName,
  MATTER_TYPES,
  type MatterTypeCode,
  type MatterTypeName,
} from './matter-type';

/** A matter list as the county's administrator uploads it: the cells of one sheet, header row first. */
export interface MatterListSheet {
  fileName: string;
  rows: string[][];
}

export enum ImportProblemCode {
  EMPTY_LIST = 'IMPORT.EMPTY_LIST',
  MISSING_COLUMN = 'IMPORT.MISSING_COLUMN',
  MISSING_NAME = 'IMPORT.MISSING_NAME',
  UNKNOWN_LEVEL = 'IMPORT.UNKNOWN_LEVEL',
  MISSING_TYPE = 'IMPORT.MISSING_TYPE',
  UNKNOWN_TYPE = 'IMPORT.UNKNOWN_TYPE',
  TYPE_NOT_APPLIED_FOR = 'IMPORT.TYPE_NOT_APPLIED_FOR',
  UNKNOWN_MODE = 'IMPORT.UNKNOWN_MODE',
  UNKNOWN_NOTE = 'IMPORT.UNKNOWN_NOTE',
  UNKNOWN_BUREAU = 'IMPORT.UNKNOWN_BUREAU',
  MISSING_BUREAU = 'IMPORT.MISSING_BUREAU',
  DUPLICATE = 'IMPORT.DUPLICATE',
  UNROUTABLE = 'IMPORT.UNROUTABLE',
}

/** One thing wrong with the list, named by its line (the header is line 1, as a spreadsheet numbers it). */
export interface ImportProblem {
  code: ImportProblemCode;
  line: number | null;
  column: string | null;
  message: string;
}

/** A row that reads as a matter: the annex's columns plus the bureau it names, if any. */
export interface ListedMatter {
  line: number;
  level: CatalogueLevel;
  name: string;
  type: MatterTypeName;
  typeCode: MatterTypeCode;
  handlingMode: HandlingMode;
  note: string;
  delegatingUnit?: string;
  /** The owning bureau as written in the list; resolved against the county's bureaus by the plan. */
  bureau: string;
}

/** The columns a list may have; the first name of each is the one the template writes. */
const COLUMNS = {
  level: ['层级', '事项层级'],
  row: ['序号'],
  name: ['事项名称', '进驻事项名称'],
  type: ['事项类型'],
  mode: ['办理方式'],
  note: ['备注'],
  bureau: ['主管部门', '责任部门', '实施部门', '办理部门'],
} as const;
type Column = keyof typeof COLUMNS;

const LEVEL_WORDS: Record<string, CatalogueLevel> = {
  镇级: 'town',
  乡级: 'town',
  乡镇: 'town',
  镇: 'town',
  乡: 'town',
  村级: 'village',
  村: 'village',
  社区: 'village',
  '村（社区）': 'village',
};

const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, '');

/** 「乡级负责受理」、「乡级负责受理、初审」: modes contain 、 themselves, so each is quoted. */
const quoted = (values: readonly string[]) => values.map((value) => `「${value}」`).join('');

/** 其他权利 (the village annex's word) and 其他行政权力 are one type: compared by what the standard calls it. */
const typeWord = (type: MatterTypeName) => (type === '其他权利' ? '其他行政权力' : type);

/**
 * Reads every row of a matter list and names every problem by line, without stopping at the first: the
 * administrator fixes them all in one pass. Rows with problems are left out of `matters`.
 */
export function readMatterList(sheet: MatterListSheet): {
  matters: ListedMatter[];
  problems: ImportProblem[];
  /** Names of rows left out for their problems: the matters they name are not taken as withdrawn. */
  unreadNames: string[];
} {
  const unreadNames: string[] = [];
  const problems: ImportProblem[] = [];
  const headerIndex = sheet.rows.findIndex((row) => row.some((cell) => clean(cell) !== ''));
  if (headerIndex < 0) {
    return {
      matters: [],
      unreadNames,
      problems: [
        { code: ImportProblemCode.EMPTY_LIST, line: null, column: null, message: `${sheet.fileName} 是空表` },
      ],
    };
  }
  const header = sheet.rows[headerIndex].map(clean);
  const at = {} as Record<Column, number>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    at[column] = header.findIndex((cell) => (COLUMNS[column] as readonly string[]).includes(cell));
  }
  for (const column of ['name', 'type'] as const) {
    if (at[column] < 0) {
      problems.push({
        code: ImportProblemCode.MISSING_COLUMN,
        line: headerIndex + 1,
        column: COLUMNS[column][0],
        message: `表头缺少「${COLUMNS[column][0]}」列（表头须有：${COLUMNS.name[0]}、${COLUMNS.type[0]}，可有：层级、序号、办理方式、备注、主管部门）`,
      });
    }
  }
  if (problems.length > 0) return { matters: [], problems, unreadNames };

  const matters: ListedMatter[] = [];
  const seen = new Map<string, number>();
  sheet.rows.slice(headerIndex + 1).forEach((cells, index) => {
    const line = headerIndex + index + 2;
    const cell = (column: Column) => (at[column] >= 0 ? clean(cells[at[column]]) : '');
    if (cells.every((value) => clean(value) === '')) return;
    const rowProblems: ImportProblem[] = [];
    const problem = (code: ImportProblemCode, column: Column, message: string) =>
      rowProblems.push({ code, line, column: COLUMNS[column][0], message: `第 ${line} 行：${message}` });

    const name = cell('name');
    if (name === '') problem(ImportProblemCode.MISSING_NAME, 'name', '事项名称不能为空');
    const levelWord = cell('level');
    const level: CatalogueLevel | undefined = levelWord === '' ? 'town' : LEVEL_WORDS[levelWord];
    if (!level)
      problem(ImportProblemCode.UNKNOWN_LEVEL, 'level', `层级「${levelWord}」应为「镇级」或「村级」`);
    const type = cell('type');
    if (type === '') problem(ImportProblemCode.MISSING_TYPE, 'type', '事项类型不能为空');
    else if (!isMatterTypeName(type))
      problem(
        ImportProblemCode.UNKNOWN_TYPE,
        'type',
        `不认识的事项类型「${type}」，应为：${Object.keys(MATTER_TYPES)
          .filter((t) => t !== '其他权利')
          .join('、')}`,
      );
    else if (!isAppliedFor(type))
      problem(
        ImportProblemCode.TYPE_NOT_APPLIED_FOR,
        'type',
        `「${type}」由机关依职权实施，不是群众申请办理的事项，不能列入便民服务中心进驻事项`,
      );
    const mode = cell('mode');
    if (level === 'town' && !isTownHandlingMode(mode))
      problem(
        ImportProblemCode.UNKNOWN_MODE,
        'mode',
        `不认识的镇级办理方式「${mode}」，应为空（乡镇办结）或：${quoted(TOWN_HANDLING_MODES.filter((m) => m !== ''))}`,
      );
    if (level === 'village' && !isVillageHandlingMode(mode))
      problem(
        ImportProblemCode.UNKNOWN_MODE,
        'mode',
        mode === ''
          ? `村级事项须填写办理方式：${quoted(VILLAGE_HANDLING_MODES)}`
          : `不认识的村级办理方式「${mode}」，应为：${quoted(VILLAGE_HANDLING_MODES)}`,
      );
    const note = cell('note');
    const delegatingUnit = note === '' ? undefined : delegatingUnitOf(note);
    if (note !== '' && !delegatingUnit)
      problem(
        ImportProblemCode.UNKNOWN_NOTE,
        'note',
        `备注「${note}」看不懂：备注只用于写明直接赋权，如「县人社局直接赋权」`,
      );
    if (name !== '' && level && isMatterTypeName(type)) {
      const key = [level, name, MATTER_TYPES[type], mode].join('|');
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problem(
          ImportProblemCode.DUPLICATE,
          'name',
          `「${name}」与第 ${earlier} 行重复（层级、名称、类型、办理方式都相同）`,
        );
      else seen.set(key, line);
    }
    problems.push(...rowProblems);
    if (rowProblems.length > 0 || !level || !isMatterTypeName(type)) {
      if (name !== '') unreadNames.push(name);
      return;
    }
    matters.push({
      line,
      level,
      name,
      type,
      typeCode: MATTER_TYPES[type],
      handlingMode: mode as HandlingMode,
      note,
      ...(delegatingUnit ? { delegatingUnit } : {}),
      bureau: cell('bureau'),
    });
  });
  if (matters.length === 0 && problems.length === 0)
    problems.push({
      code: ImportProblemCode.EMPTY_LIST,
      line: null,
      column: null,
      message: `${sheet.fileName} 只有表头，没有事项`,
    });
  return { matters, problems, unreadNames };
}

/** A bureau of the county, as the catalogue keeps it. */
export interface CountyBureau {
  code: string;
  /** 县民政局 */
  name: string;
  /** 县人力资源和社会保障局 */
  fullName: string;
}

/**
 * Finds the bureau a list names, however it is written: 县民政局, 民政局, 沁水县民政局 or the full name.
 */
export function findBureau(
  written: string,
  bureaus: readonly CountyBureau[],
  countyName: string,
): CountyBureau | undefined {
  const asCounty = (text: string) => {
    const local = text.startsWith(countyName) ? text.slice(countyName.length) : text;
    return local.startsWith('县') ? local : `县${local}`;
  };
  const wanted = asCounty(clean(written));
  return bureaus.find((bureau) => bureau.name === wanted || bureau.fullName === wanted);
}

/** A matter of the county's current catalogue, as the diff compares it. */
export interface CurrentMatter {
  code: string;
  level: CatalogueLevel;
  name: string;
  type: MatterTypeName;
  handlingMode: string;
  note: string;
  unitCode: string;
  withdrawn: boolean;
}

export type ChangeKind = 'added' | 'changed' | 'withdrawn' | 'unchanged';

export interface FieldChange {
  field: '事项名称' | '事项类型' | '办理方式' | '备注' | '主管部门' | '状态';
  before: string;
  after: string;
}

/** One line of the preview: what publishing the list would do to one matter. */
export interface CatalogueChange {
  kind: ChangeKind;
  level: CatalogueLevel;
  name: string;
  /** The matter's code when it exists already. */
  code: string | null;
  /** The list line, for added, changed and unchanged matters. */
  line: number | null;
  fields: FieldChange[];
}

/** A listed matter with its bureau resolved, and the current matter it replaces (if any). */
export interface PlannedMatter extends ListedMatter {
  unitCode: string;
  currentCode: string | null;
}

export interface CatalogueImportPlan {
  matters: PlannedMatter[];
  problems: ImportProblem[];
  changes: CatalogueChange[];
}

/**
 * What publishing a list would do: matches each listed matter to the current one it continues (same level, name,
 * type and mode; else the same level and name when that is unambiguous), resolves its bureau, and lists what is
 * added, changed and withdrawn. Only the levels the list covers are compared: a town list withdraws no village
 * matter.
 */
export function planCatalogueImport(
  sheet: MatterListSheet,
  context: { countyName: string; bureaus: readonly CountyBureau[]; current: readonly CurrentMatter[] },
): CatalogueImportPlan {
  const { matters: listed, problems, unreadNames } = readMatterList(sheet);
  const levels = new Set(listed.map((matter) => matter.level));
  const unmatched = context.current.filter((matter) => levels.has(matter.level));
  const take = (predicate: (candidate: CurrentMatter) => boolean): CurrentMatter | undefined => {
    // An active matter is continued before a withdrawn one of the same name is restored.
    const candidates = unmatched.filter(predicate).sort((a, b) => Number(a.withdrawn) - Number(b.withdrawn));
    const found = candidates[0];
    if (found) unmatched.splice(unmatched.indexOf(found), 1);
    return found;
  };
  const matchOf = new Map<ListedMatter, CurrentMatter>();
  for (const matter of listed) {
    const exact = take(
      (c) =>
        c.level === matter.level &&
        c.name === matter.name &&
        MATTER_TYPES[c.type] === matter.typeCode &&
        c.handlingMode === matter.handlingMode,
    );
    if (exact) matchOf.set(matter, exact);
  }
  for (const matter of listed.filter((m) => !matchOf.has(m))) {
    const sameName = (c: CurrentMatter) => c.level === matter.level && c.name === matter.name;
    const listedTwice =
      listed.filter((m) => !matchOf.has(m) && m.level === matter.level && m.name === matter.name).length > 1;
    if (listedTwice || unmatched.filter(sameName).length !== 1) continue;
    const found = take(sameName);
    if (found) matchOf.set(matter, found);
  }

  const bureauName = (code: string) => context.bureaus.find((bureau) => bureau.code === code)?.name ?? code;
  const planned: PlannedMatter[] = [];
  const changes: CatalogueChange[] = [];
  for (const matter of listed) {
    const current = matchOf.get(matter);
    let unitCode: string | undefined;
    if (matter.bureau !== '') {
      unitCode = findBureau(matter.bureau, context.bureaus, context.countyName)?.code;
      if (!unitCode) {
        problems.push({
          code: ImportProblemCode.UNKNOWN_BUREAU,
          line: matter.line,
          column: '主管部门',
          message: `第 ${matter.line} 行：本县没有「${matter.bureau}」，请先在「县直部门」中添加，或改为：${context.bureaus.map((b) => b.name).join('、')}`,
        });
        continue;
      }
    } else if (current) unitCode = current.unitCode;
    else if (matter.delegatingUnit)
      unitCode = findBureau(matter.delegatingUnit, context.bureaus, context.countyName)?.code;
    if (!unitCode) {
      problems.push({
        code: ImportProblemCode.MISSING_BUREAU,
        line: matter.line,
        column: '主管部门',
        message: `第 ${matter.line} 行：「${matter.name}」是新事项，请填写主管部门（承担审核、决定的县直部门）`,
      });
      continue;
    }
    if (matter.delegatingUnit && !findBureau(matter.delegatingUnit, context.bureaus, context.countyName)) {
      problems.push({
        code: ImportProblemCode.UNKNOWN_BUREAU,
        line: matter.line,
        column: '备注',
        message: `第 ${matter.line} 行：备注中的「${matter.delegatingUnit}」不是本县的县直部门`,
      });
      continue;
    }
    planned.push({ ...matter, unitCode, currentCode: current?.code ?? null });
    const fields: FieldChange[] = [];
    if (current) {
      const compare = (field: FieldChange['field'], before: string, after: string) => {
        if (before !== after) fields.push({ field, before, after });
      };
      compare('事项类型', typeWord(current.type), typeWord(matter.type));
      compare('办理方式', current.handlingMode, matter.handlingMode);
      compare('备注', current.note, matter.note);
      compare('主管部门', bureauName(current.unitCode), bureauName(unitCode));
      if (current.withdrawn) fields.push({ field: '状态', before: '已撤销', after: '恢复办理' });
    }
    changes.push({
      kind: !current ? 'added' : fields.length > 0 ? 'changed' : 'unchanged',
      level: matter.level,
      name: matter.name,
      code: current?.code ?? null,
      line: matter.line,
      fields,
    });
  }
  // A row left out for its problems still names its matter: until it is fixed, nothing says it is withdrawn.
  for (const withdrawn of unmatched.filter(
    (matter) => !matter.withdrawn && !unreadNames.includes(matter.name),
  )) {
    changes.push({
      kind: 'withdrawn',
      level: withdrawn.level,
      name: withdrawn.name,
      code: withdrawn.code,
      line: null,
      fields: [],
    });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { matters: planned, problems, changes };
}
