import type { ApplicationForm, FormData, FormField, FormValue } from '@oneseal/domain';

/** 公民身份号码 as a colleague without the need to know sees it: the place and the last four. */
export const maskIdNumber = (value: string) =>
  value.length >= 10 ? `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}` : '****';

export const maskPhone = (value: string) =>
  value.length >= 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';

const maskAccountNumber = (value: string) => `****${value.slice(-4)}`;

/** An address down to its village, community or street; the house itself hidden (泽州县南村镇原家村****). */
export function maskAddress(value: string): string {
  const place = /^.*(村|社区|街道|镇|乡|街|路)/.exec(value);
  return `${place ? place[0] : value.slice(0, Math.min(6, Math.floor(value.length / 2)))}****`;
}

const PERSONAL_TYPES = new Set(['id-number', 'phone', 'bank-account', 'address']);

function masked(field: FormField, value: FormValue): FormValue {
  if (field.type === 'id-number' && typeof value === 'string') return maskIdNumber(value);
  if (field.type === 'phone' && typeof value === 'string') return maskPhone(value);
  if (field.type === 'address' && typeof value === 'string') return maskAddress(value);
  if (
    field.type === 'bank-account' &&
    typeof value === 'object' &&
    value !== null &&
    'accountNumber' in value
  )
    return { ...value, accountNumber: maskAccountNumber(value.accountNumber) };
  return value;
}

/**
 * The 申请表 as it may be shown: `personal` answers which paths hold personal data (for the record of who saw
 * them), `masked` is the data with those values masked, for readers who do not work the case with the applicant.
 */
export function personalDataOfForm(
  form: ApplicationForm | undefined,
  data: FormData,
): { masked: FormData; personal: string[] } {
  const out: FormData = { ...data };
  const personal: string[] = [];
  for (const field of form?.sections.flatMap((section) => section.fields) ?? []) {
    const value = data[field.key];
    if (value === undefined) continue;
    if (field.type === 'person-list' && Array.isArray(value)) {
      const parts = field.fields.filter((part) => PERSONAL_TYPES.has(part.type));
      if (parts.length === 0) continue;
      out[field.key] = (value as Record<string, FormValue>[]).map((entry) =>
        Object.fromEntries(
          Object.entries(entry).map(([key, inner]) => {
            const part = parts.find((candidate) => candidate.key === key);
            return [key, part ? masked(part, inner) : inner];
          }),
        ),
      ) as FormValue;
      personal.push(...parts.map((part) => `formData.${field.key}[].${part.key}`));
    } else if (PERSONAL_TYPES.has(field.type)) {
      out[field.key] = masked(field, value);
      personal.push(`formData.${field.key}`);
    }
  }
  return { masked: out, personal };
}
