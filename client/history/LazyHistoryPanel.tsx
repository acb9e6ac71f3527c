import { deferred } from '../deferred';
import type { HistoryPanelProps } from './HistoryPanel';

/**
 * The history panel is its own chunk with the words of later parts, loaded
 * once the page shows it (client/deferred.tsx): the document is editable
 * without waiting for it.
 */
export const LazyHistoryPanel = deferred<HistoryPanelProps>(async () => (await import('./HistoryPanel')).HistoryPanel);
