import { FORM_FIELD_TYPES, type ApplicationForm } from './application-form';

const KEY = /^[a-z][A-Za-z0-9]{0,39}$/;
const NUMBER_PROPERTIES = ['min', 'max', 'maxLength', 'minItems', 'maxItems'] as const;
const TEXT_PROPERTIES = ['help', 'unit', 'placeholder'] as const;

type Unchecked = Record<string, unknown>;

const isObject = (value: unknown): value is Unchecked =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const nameOf = (field: Unchecked) =>
  isText(field.label) ? field.label : typeof field.key === 'string' ? field.key : '';

/**
 * Whether a form is one the console can draw and intake can check: keys unique and machine-safe, labels present,
 * choices with distinct text options, numbers where numbers belong, lists of plain fields only. The form arrives
 * as JSON from a guide editor, so nothing about its shape is taken for granted; each problem is named (the guide
 * editor shows them all at once).
 */
export function checkFormDefinition(form: ApplicationForm | unknown): string[] {
  const sections = isObject(form) ? form.sections : undefined;
  if (!Array.isArray(sections) || sections.length === 0) return ['申请表至少要有一个栏目'];
  const problems: string[] = [];
  const keys = new Set<string>();
  sections.forEach((section: unknown, s) => {
    if (!isObject(section)) {
      problems.push(`申请表第 ${s + 1} 栏不是栏目（应有标题和填写项）`);
      return;
    }
    const where = `申请表第 ${s + 1} 栏“${isText(section.title) ? section.title : ''}”`;
    if (!isText(section.title)) problems.push(`${where}没有标题`);
    if (!Array.isArray(section.fields) || section.fields.length === 0) {
      problems.push(`${where}没有填写项`);
      return;
    }
    section.fields.forEach((field: unknown, f) => {
      if (!isObject(field)) problems.push(`${where}的第 ${f + 1} 项不是填写项`);
      else problems.push(...checkField(field, `${where}的“${nameOf(field)}”`, keys, true));
    });
  });
  return problems;
}

function checkField(field: Unchecked, where: string, keys: Set<string>, listAllowed: boolean): string[] {
  const problems: string[] = [];
  const key = typeof field.key === 'string' ? field.key : '';
  if (!KEY.test(key)) problems.push(`${where}：键名“${key}”应为小写字母开头的英文字母和数字`);
  else if (keys.has(key)) problems.push(`${where}：键名“${key}”重复`);
  keys.add(key);
  if (!isText(field.label)) problems.push(`${where}：没有名称`);
  if (!(FORM_FIELD_TYPES as readonly unknown[]).includes(field.type))
    problems.push(`${where}：类型“${String(field.type)}”无法识别`);
  if (typeof field.required !== 'boolean') problems.push(`${where}：未说明是否必填`);
  for (const name of NUMBER_PROPERTIES) {
    const value = field[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0))
      problems.push(`${where}：${name} 应为不小于 0 的数字`);
  }
  for (const name of TEXT_PROPERTIES) {
    if (field[name] !== undefined && typeof field[name] !== 'string')
      problems.push(`${where}：${name} 应为文字`);
  }
  if (field.type === 'choice' || field.type === 'multi-choice')
    problems.push(...checkOptions(field.options, where));
  if (field.type === 'person-list') {
    if (!listAllowed) problems.push(`${where}：列表中不能再套列表`);
    if (!isText(field.itemLabel)) problems.push(`${where}：没有说明每一条是什么（如“家庭成员”）`);
    if (!Array.isArray(field.fields) || field.fields.length === 0) {
      problems.push(`${where}：列表没有填写项`);
      return problems;
    }
    const inner = new Set<string>();
    field.fields.forEach((part: unknown, p) => {
      if (!isObject(part)) problems.push(`${where}的第 ${p + 1} 项不是填写项`);
      else problems.push(...checkField(part, `${where}·${nameOf(part)}`, inner, false));
    });
  }
  return problems;
}

function checkOptions(options: unknown, where: string): string[] {
  if (!Array.isArray(options) || options.length === 0) return [`${where}：选择题没有选项`];
  if (!options.every(isText)) return [`${where}：选项应为文字`];
  return new Set(options).size === options.length ? [] : [`${where}：选项有重复`];
}
