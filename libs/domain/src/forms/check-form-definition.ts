import { FORM_FIELD_TYPES, type ApplicationForm, type FormField } from './application-form';

const KEY = /^[a-z][A-Za-z0-9]{0,39}$/;

/**
 * Whether a form is one the console can draw and intake can check: keys unique and machine-safe, labels present,
 * choices with options, lists of plain fields only. Each problem is named (the guide editor shows them all at once).
 */
export function checkFormDefinition(form: ApplicationForm): string[] {
  const problems: string[] = [];
  if (!Array.isArray(form?.sections) || form.sections.length === 0) return ['申请表至少要有一个栏目'];
  const keys = new Set<string>();
  form.sections.forEach((section, s) => {
    const where = `申请表第 ${s + 1} 栏“${section.title ?? ''}”`;
    if (!section.title?.trim()) problems.push(`${where}没有标题`);
    if (!Array.isArray(section.fields) || section.fields.length === 0) problems.push(`${where}没有填写项`);
    for (const field of section.fields ?? []) {
      problems.push(...checkField(field, `${where}的“${field.label || field.key}”`, keys, true));
    }
  });
  return problems;
}

function checkField(field: FormField, where: string, keys: Set<string>, listAllowed: boolean): string[] {
  const problems: string[] = [];
  if (!KEY.test(field.key ?? ''))
    problems.push(`${where}：键名“${field.key}”应为小写字母开头的英文字母和数字`);
  else if (keys.has(field.key)) problems.push(`${where}：键名“${field.key}”重复`);
  keys.add(field.key);
  if (!field.label?.trim()) problems.push(`${where}：没有名称`);
  if (!(FORM_FIELD_TYPES as readonly string[]).includes(field.type))
    problems.push(`${where}：类型“${field.type}”无法识别`);
  if (typeof field.required !== 'boolean') problems.push(`${where}：未说明是否必填`);
  if ((field.type === 'choice' || field.type === 'multi-choice') && !(field.options?.length > 0))
    problems.push(`${where}：选择题没有选项`);
  if (field.type === 'person-list') {
    if (!listAllowed) problems.push(`${where}：列表中不能再套列表`);
    if (!field.itemLabel?.trim()) problems.push(`${where}：没有说明每一条是什么（如“家庭成员”）`);
    if (!Array.isArray(field.fields) || field.fields.length === 0) problems.push(`${where}：列表没有填写项`);
    const inner = new Set<string>();
    for (const part of field.fields ?? []) {
      problems.push(...checkField(part as FormField, `${where}·${part.label || part.key}`, inner, false));
    }
  }
  return problems;
}
