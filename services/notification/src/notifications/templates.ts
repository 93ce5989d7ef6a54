import type { ReviewTaskOpenedV1 } from '@oneseal/contracts';

/** Chinese message texts, one function per template, so wording lives in one place. */
export const TEMPLATES = {
  taskOpened: (task: ReviewTaskOpenedV1) =>
    `您有一件新的待办：办件 ${task.caseId.slice(0, 8)} 待${task.stepName}，请及时办理。`,
} as const;

export type TemplateName = keyof typeof TEMPLATES;
