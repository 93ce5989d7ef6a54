/**
 * 申请表: what an applicant fills in for a matter, defined by the matter's 办事指南 and versioned with it. The console
 * draws the form from this definition; intake checks a submission against the version in force when it is filed.
 */
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'choice',
  'multi-choice',
  'yes-no',
  'phone',
  'id-number',
  'address',
  'bank-account',
  'person-list',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

interface FieldCommon {
  /** The value's name in the submitted data: lowerCamelCase ASCII, unique within its form (or its list). */
  key: string;
  /** What the form says beside the box, in Chinese. */
  label: string;
  /** One line under the box: what to write, where to find it. */
  help?: string;
  required: boolean;
}

export type ScalarFormField = FieldCommon &
  (
    | { type: 'text'; maxLength?: number }
    | { type: 'textarea'; maxLength?: number }
    | { type: 'number'; min?: number; max?: number; integer?: boolean; unit?: string }
    /** 金额 in yuan, at most two decimals. */
    | { type: 'money'; min?: number; max?: number }
    /** YYYY-MM-DD; `past`: not after today (a birth date); `future`: not before today (an appointment). */
    | { type: 'date'; past?: boolean; future?: boolean }
    | { type: 'choice'; options: string[] }
    | { type: 'multi-choice'; options: string[] }
    | { type: 'yes-no' }
    | { type: 'phone' }
    | { type: 'id-number' }
    | { type: 'address' }
    /** 开户银行、户名、账号: where a 给付 is paid. */
    | { type: 'bank-account' }
  );

/** A list of like entries, e.g. 家庭成员: each entry is a small form of its own (no lists inside lists). */
export type PersonListField = FieldCommon & {
  type: 'person-list';
  /** What one entry is called: 家庭成员, 子女, 承包地块 … */
  itemLabel: string;
  fields: ScalarFormField[];
  minItems?: number;
  maxItems?: number;
};

export type FormField = ScalarFormField | PersonListField;

export interface FormSection {
  title: string;
  help?: string;
  fields: FormField[];
}

export interface ApplicationForm {
  sections: FormSection[];
}

/** A bank account as entered for a 给付. */
export interface BankAccountValue {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

export type FormScalarValue = string | number | boolean | string[] | BankAccountValue;
export type FormValue = FormScalarValue | Record<string, FormScalarValue>[];
/** What an applicant filled in, by field key. */
export type FormData = Record<string, FormValue>;

/** Every field of a form, in order. */
export const formFields = (form: ApplicationForm): FormField[] =>
  form.sections.flatMap((section) => section.fields);
