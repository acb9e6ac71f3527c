import { memo } from 'react';
import { KIND_EDITORS } from './kindEditors';
import type { SectionProps } from './types';

/**
 * The editor for a section, chosen by its kind (templates are data).
 * Memoised: presence changes re-render the frames, not the editors.
 */
export const SectionBody = memo(function SectionBody(props: SectionProps) {
  const Editor = KIND_EDITORS[props.section.kind];
  return <Editor {...props} />;
});
