import { checkResidentIdNumber, isMainlandMobile } from '../people/resident-id';
import type {
  ApplicationForm,
  BankAccountValue,
  FormData,
  FormField,
  FormScalarValue,
  FormValue,
  ScalarFormField,
} from './application-form';
import { formFields } from './application-form';

/** One thing wrong with what was filled in: where (a path and the label a clerk reads) and what, in Chinese. */
export interface FormProblem {
  /** `household[1].idNumber`: the field, and the entry of a list it sits in. */
  field: string;
  /** `家庭成员第 2 人：公民身份号码`. */
  label: string;
  message: string;
}

export type FormCheck = { ok: true; data: FormData } | { ok: false; problems: FormProblem[] };

const DEFAULT_TEXT_LENGTH = 200;
const DEFAULT_TEXTAREA_LENGTH = 2000;
const DEFAULT_LIST_LENGTH = 20;
const MAX_MONEY = 100_000_000;
// Control characters (NUL above all) never belong in what a person typed; PostgreSQL refuses NUL outright.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function isRealDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A field's value, or the reason it cannot be taken. */
type Checked = { value: FormScalarValue } | { problem: string };

function checkText(raw: unknown, maxLength: number): Checked {
  if (typeof raw !== 'string') return { problem: '应填写文字' };
  const value = raw.trim();
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return { problem: '含有无法识别的字符，请重新输入' };
  if (value.length > maxLength) return { problem: `不能超过 ${maxLength} 个字` };
  return { value };
}

function checkScalar(field: ScalarFormField, raw: unknown, today: string): Checked {
  switch (field.type) {
    case 'text':
      return checkText(raw, field.maxLength ?? DEFAULT_TEXT_LENGTH);
    case 'textarea':
      return checkText(raw, field.maxLength ?? DEFAULT_TEXTAREA_LENGTH);
    case 'address':
      return checkText(raw, 300);
    case 'number': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: '应填写数字' };
      if (field.integer && !Number.isInteger(value)) return { problem: '应填写整数' };
      if (field.min !== undefined && value < field.min) return { problem: `不能小于 ${field.min}` };
      if (field.max !== undefined && value > field.max) return { problem: `不能大于 ${field.max}` };
      return { value };
    }
    case 'money': {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: '应填写金额（元）' };
      // Binary fractions: 19.99 * 100 is 1998.9999999999998, so compare with a tolerance far below a cent.
      if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6)
        return { problem: '金额最多精确到分（两位小数）' };
      const min = field.min ?? 0;
      const max = field.max ?? MAX_MONEY;
      if (value < min) return { problem: `金额不能小于 ${min} 元` };
      if (value > max) return { problem: `金额不能大于 ${max} 元` };
      return { value };
    }
    case 'date': {
      if (typeof raw !== 'string' || !isRealDate(raw)) return { problem: '应填写日期，如 2026-12-04' };
      if (field.past && raw > today) return { problem: '不能晚于今天' };
      if (field.future && raw < today) return { problem: '不能早于今天' };
      return { value: raw };
    }
    case 'choice':
      if (typeof raw !== 'string' || !field.options.includes(raw))
        return { problem: `应从以下选项中选择：${field.options.join('、')}` };
      return { value: raw };
    case 'multi-choice': {
      if (
        !Array.isArray(raw) ||
        raw.some((item) => typeof item !== 'string' || !field.options.includes(item))
      )
        return { problem: `应从以下选项中选择：${field.options.join('、')}` };
      return { value: [...new Set(raw as string[])] };
    }
    case 'yes-no':
      if (typeof raw !== 'boolean') return { problem: '应选择“是”或“否”' };
      return { value: raw };
    case 'phone': {
      const value = typeof raw === 'string' ? raw.replace(/\s/g, '') : '';
      if (!isMainlandMobile(value) && !LANDLINE.test(value))
        return { problem: '应为 11 位手机号码或带区号的固定电话' };
      return { value };
    }
    case 'id-number': {
      const value = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
      const check = checkResidentIdNumber(value);
      if (check.valid) return { value };
      const reasons = {
        format: '应为 18 位公民身份号码',
        'birth-date': '公民身份号码中的出生日期不存在',
        'check-digit': '公民身份号码校验位不符，请逐位核对是否录入有误',
      } as const;
      return { problem: reasons[check.reason] };
    }
    case 'bank-account':
      return checkBankAccount(raw);
  }
}

function checkBankAccount(raw: unknown): Checked {
  if (!isRecord(raw)) return { problem: '应填写开户银行、户名和账号' };
  const bankName = checkText(raw.bankName ?? '', 50);
  const accountName = checkText(raw.accountName ?? '', 50);
  const accountNumber = typeof raw.accountNumber === 'string' ? raw.accountNumber.replace(/[\s-]/g, '') : '';
  if ('problem' in bankName || !bankName.value) return { problem: '开户银行未填写或有误' };
  if ('problem' in accountName || !accountName.value) return { problem: '户名未填写或有误' };
  if (!/^\d{10,30}$/.test(accountNumber)) return { problem: '银行账号应为 10 至 30 位数字' };
  const value: BankAccountValue = {
    bankName: bankName.value as string,
    accountName: accountName.value as string,
    accountNumber,
  };
  return { value };
}

/**
 * Checks what was filled in against the form: every problem named at once, with where it is; the data back
 * normalised (trimmed text, numbers as numbers) when there is none. Keys the form does not know are refused.
 * `today` (YYYY-MM-DD, China Standard Time) bounds the dates.
 */
export function checkFormData(form: ApplicationForm, raw: unknown, today: string): FormCheck {
  if (!isRecord(raw)) {
    return {
      ok: false,
      problems: [{ field: 'formData', label: '申请表', message: '申请表内容缺失或格式不正确' }],
    };
  }
  const problems: FormProblem[] = [];
  const data: FormData = {};
  const fields = formFields(form);
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      problems.push({
        field: key,
        label: '申请表',
        message: `本事项的申请表没有“${key}”这一项，请按当前办事指南的申请表填写`,
      });
  }
  for (const field of fields) {
    const value = checkField(field, raw[field.key], today, field.key, field.label, problems);
    if (value !== undefined) data[field.key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data };
}

function checkField(
  field: FormField,
  raw: unknown,
  today: string,
  path: string,
  label: string,
  problems: FormProblem[],
): FormValue | undefined {
  if (isEmpty(raw)) {
    if (field.required) problems.push({ field: path, label, message: '必须填写' });
    return undefined;
  }
  if (field.type !== 'person-list') {
    const checked = checkScalar(field, raw, today);
    if ('problem' in checked) {
      problems.push({ field: path, label, message: checked.problem });
      return undefined;
    }
    return checked.value;
  }
  if (!Array.isArray(raw)) {
    problems.push({ field: path, label, message: `应逐条填写${field.itemLabel}` });
    return undefined;
  }
  const maxItems = field.maxItems ?? DEFAULT_LIST_LENGTH;
  if (raw.length > maxItems) problems.push({ field: path, label, message: `最多填写 ${maxItems} 条` });
  if (field.minItems !== undefined && raw.length < field.minItems)
    problems.push({ field: path, label, message: `至少填写 ${field.minItems} 条` });
  const entries: Record<string, FormScalarValue>[] = [];
  raw.slice(0, maxItems).forEach((item, index) => {
    const entryPath = `${path}[${index}]`;
    const entryLabel = `${field.itemLabel}第 ${index + 1} 条`;
    if (!isRecord(item)) {
      problems.push({ field: entryPath, label: entryLabel, message: '内容格式不正确' });
      return;
    }
    const inner = new Set(field.fields.map((part) => part.key));
    for (const key of Object.keys(item)) {
      if (!inner.has(key))
        problems.push({
          field: `${entryPath}.${key}`,
          label: entryLabel,
          message: `${field.itemLabel}中没有“${key}”这一项`,
        });
    }
    const entry: Record<string, FormScalarValue> = {};
    for (const part of field.fields) {
      const value = checkField(
        part,
        item[part.key],
        today,
        `${entryPath}.${part.key}`,
        `${entryLabel}：${part.label}`,
        problems,
      );
      if (value !== undefined) entry[part.key] = value as FormScalarValue;
    }
    entries.push(entry);
  });
  return entries;
}
