import type { AgreementTemplate } from '../template';
import { mouTemplate } from './mou';

/** Every template the product offers, by id. Add a template here to offer it. */
export const TEMPLATES: readonly AgreementTemplate[] = [mouTemplate];

export function findTemplate(id: string): AgreementTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
