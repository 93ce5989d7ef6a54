import type { ApplicationForm, FormSection } from './application-form';
import { checkFormDefinition } from './check-form-definition';

/**
 * The application forms of a county's matters as a seed file keeps them: sections shared by many matters
 * (`parts`: 家庭成员, 收款账户 …) written once, and per matter the sections it uses, by part name or inline.
 */
export interface FormSeeds {
  parts: Record<string, FormSection>;
  /** The form of a matter the seeds do not name: a short one asking what is applied for and why. */
  generic: (FormSection | string)[];
  matters: Record<string, { sections: (FormSection | string)[] }>;
}

/** Thrown when the seed file names a part it does not define, or a form in it cannot be drawn. */
export class FormSeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`application form seeds: ${problems.join('; ')}`);
    this.name = 'FormSeedError';
  }
}

function expand(
  seeds: FormSeeds,
  sections: (FormSection | string)[],
  owner: string,
  problems: string[],
): ApplicationForm {
  return {
    sections: sections.flatMap((section) => {
      if (typeof section !== 'string') return [section];
      const part = seeds.parts[section];
      if (!part) problems.push(`${owner}: no part named "${section}"`);
      return part ? [part] : [];
    }),
  };
}

/** Every matter's form, expanded and checked; `forMatter` falls back to the generic form. */
export function loadFormSeeds(text: string): { forMatter(code: string): ApplicationForm; codes: string[] } {
  const seeds = JSON.parse(text) as FormSeeds;
  const problems: string[] = [];
  const forms = new Map<string, ApplicationForm>();
  const generic = expand(seeds, seeds.generic, 'generic', problems);
  problems.push(...checkFormDefinition(generic).map((problem) => `generic: ${problem}`));
  for (const [code, entry] of Object.entries(seeds.matters)) {
    const form = expand(seeds, entry.sections, code, problems);
    problems.push(...checkFormDefinition(form).map((problem) => `${code}: ${problem}`));
    forms.set(code, form);
  }
  if (problems.length > 0) throw new FormSeedError(problems);
  return { forMatter: (code) => forms.get(code) ?? generic, codes: [...forms.keys()] };
}
