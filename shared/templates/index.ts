import type { AgreementTemplate } from '../template';
import { governmentMouTemplate } from './governmentMou';
import { mouTemplate } from './mou';
import { partnershipTemplate } from './partnership';

/** Every template the product offers, by id. Add a template here to offer it. */
export const TEMPLATES: readonly AgreementTemplate[] = [mouTemplate, partnershipTemplate, governmentMouTemplate];

export function findTemplate(id: string): AgreementTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
