import { checkFormDefinition, type ApplicationForm } from '@oneseal/domain';
import type { PublishGuideDto } from './dto/publish-guide.dto';

/** A form of a few hundred fields is far beyond any 申请表; anything larger is a mistake. */
const MAX_FORM_JSON = 100_000;

/**
 * What a guide must hold together beyond each field's own check, in the words the administrator reads. Every
 * problem is named at once, so one correction fixes them all.
 */
export function guideProblems(guide: PublishGuideDto): string[] {
  const problems: string[] = [];
  if (guide.caseKind === '即办件' && guide.committedLimitWorkingDays !== 0) {
    problems.push('即办件当场办结，承诺办结时限应为 0 个工作日');
  }
  if (guide.caseKind === '承诺件' && guide.committedLimitWorkingDays < 1) {
    problems.push('承诺件的承诺办结时限至少为 1 个工作日');
  }
  if (
    guide.statutoryLimitWorkingDays != null &&
    guide.committedLimitWorkingDays > guide.statutoryLimitWorkingDays
  ) {
    problems.push(
      `承诺办结时限（${guide.committedLimitWorkingDays} 个工作日）不能超过法定办结时限（${guide.statutoryLimitWorkingDays} 个工作日）`,
    );
  }
  const seen = new Set<string>();
  for (const material of guide.materials) {
    const name = material.name.trim();
    if (seen.has(name)) problems.push(`申请材料“${name}”重复列出`);
    seen.add(name);
    if (material.originals + material.copies === 0)
      problems.push(`申请材料“${name}”的原件和复印件份数不能都为 0`);
  }
  if (guide.onlineDepth === 4 && guide.onSiteVisits > 0) {
    problems.push('全程网办（网办深度 4）的事项到现场次数应为 0');
  }
  if (guide.form !== undefined) {
    if (JSON.stringify(guide.form).length > MAX_FORM_JSON) problems.push('申请表过于庞大，请精简填写项');
    else problems.push(...checkFormDefinition(guide.form as ApplicationForm));
  }
  return problems;
}
