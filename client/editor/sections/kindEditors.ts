import type { ComponentType } from 'react';
import type { SectionKind } from '../../../shared/template';
import { BudgetSection } from './BudgetSection';
import { ContextSection } from './ContextSection';
import { DurationSection } from './DurationSection';
import { PartiesSection } from './PartiesSection';
import { RaciSection } from './RaciSection';
import { ResponsibilitiesSection } from './ResponsibilitiesSection';
import { RichTextSection } from './RichTextSection';
import { SignatoriesSection } from './SignatoriesSection';
import type { SectionProps } from './types';

/**
 * Each section kind's editor, for `SectionBody`. Its read-only view of a
 * version is beside it in `client/history/ReadOnlyKinds.tsx`, which stays in
 * the history panel's own chunk (loaded once the panel shows).
 */
export const KIND_EDITORS: Record<SectionKind, ComponentType<SectionProps>> = {
  parties: PartiesSection,
  richtext: RichTextSection,
  context: ContextSection,
  responsibilities: ResponsibilitiesSection,
  duration: DurationSection,
  signatories: SignatoriesSection,
  raci: RaciSection,
  budget: BudgetSection,
};
