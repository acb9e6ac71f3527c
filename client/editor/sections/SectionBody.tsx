import { memo } from 'react';
import { BudgetSection } from './BudgetSection';
import { ContextSection } from './ContextSection';
import { DurationSection } from './DurationSection';
import { PartiesSection } from './PartiesSection';
import { ResponsibilitiesSection } from './ResponsibilitiesSection';
import { RaciSection } from './RaciSection';
import { RichTextSection } from './RichTextSection';
import { SignatoriesSection } from './SignatoriesSection';
import type { SectionProps } from './types';

/**
 * The editor for a section, chosen by its kind (templates are data).
 * Memoised: presence changes re-render the frames, not the editors.
 */
export const SectionBody = memo(function SectionBody(props: SectionProps) {
  switch (props.section.kind) {
    case 'parties':
      return <PartiesSection {...props} />;
    case 'richtext':
      return <RichTextSection {...props} />;
    case 'context':
      return <ContextSection {...props} />;
    case 'responsibilities':
      return <ResponsibilitiesSection {...props} />;
    case 'duration':
      return <DurationSection {...props} />;
    case 'signatories':
      return <SignatoriesSection {...props} />;
    case 'raci':
      return <RaciSection {...props} />;
    case 'budget':
      return <BudgetSection {...props} />;
  }
});
