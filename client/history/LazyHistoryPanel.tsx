import { lazy, Suspense } from 'react';
import type { HistoryPanelProps } from './HistoryPanel';

const Panel = lazy(async () => ({ default: (await import('./HistoryPanel')).HistoryPanel }));

/** The history panel is its own chunk, loaded once the page shows it: the document is editable without waiting for it. */
export function LazyHistoryPanel(props: HistoryPanelProps) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}
