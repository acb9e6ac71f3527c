import type { AgreementTemplate, SectionTemplate } from '../../../shared/template';
import type { Collab } from '../useCollab';

/** What every section editor receives. */
export interface SectionProps {
  section: SectionTemplate;
  template: AgreementTemplate;
  collab: Collab;
}
