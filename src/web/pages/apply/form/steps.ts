// The pages of the application form and the fields each one holds (validated before its 「下一步」).
import { t } from '../../../locales/zh-CN.ts';

export interface FormStep {
  title: string;
  /** Top-level fields; nested ones (principal, contacts) are validated recursively. */
  fields: string[];
}

export const FORM_STEPS: readonly FormStep[] = [
  { title: t.applyForm.steps.site, fields: ['name', 'homeUrl', 'orgCode', 'isPortal', 'isServicePlatform'] },
  {
    title: t.applyForm.steps.sponsor,
    fields: ['sponsorName', 'sponsorAddress', 'organizerName', 'maintainerName', 'principal'],
  },
  { title: t.applyForm.steps.contacts, fields: ['contacts'] },
  { title: t.applyForm.steps.filing, fields: ['icpNo', 'psbNo', 'conacCode', 'chineseDomain'] },
  { title: t.applyForm.steps.confirm, fields: [] },
];

export const CONFIRM_STEP = FORM_STEPS.length - 1;

/** The page that holds a (dotted) field, e.g. `contacts.0.mobile` → 2. */
export function stepOfField(field: string): number {
  const top = field.split('.')[0] ?? '';
  const index = FORM_STEPS.findIndex((s) => s.fields.includes(top));
  return Math.max(index, 0);
}
