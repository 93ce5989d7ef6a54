import { SMS_TEMPLATES, type SmsTemplateName } from '../notifications/templates';

/** The template code the SMS provider approved for each of our SMS templates (same text, same variables). */
export type SmsTemplateCodes = Record<SmsTemplateName, string>;

export class InvalidTemplateCodes extends Error {}

/**
 * Reads `caseAccepted=SMS_1234,caseRefused=SMS_5678,…`. Every SMS template must have a code: a message whose
 * template has none could never be sent, so the service refuses to start instead.
 */
export function parseSmsTemplateCodes(value: string): SmsTemplateCodes {
  const codes = new Map<string, string>();
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const match = /^([A-Za-z]+)=([A-Za-z0-9_]+)$/.exec(entry);
    if (!match) throw new InvalidTemplateCodes(`"${entry}" is not template=CODE`);
    codes.set(match[1], match[2]);
  }
  const unknown = [...codes.keys()].filter((name) => !(SMS_TEMPLATES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new InvalidTemplateCodes(`unknown template(s): ${unknown.join(', ')}`);
  const missing = SMS_TEMPLATES.filter((name) => !codes.has(name));
  if (missing.length > 0) throw new InvalidTemplateCodes(`no code for: ${missing.join(', ')}`);
  return Object.fromEntries(SMS_TEMPLATES.map((name) => [name, codes.get(name) ?? ''])) as SmsTemplateCodes;
}
