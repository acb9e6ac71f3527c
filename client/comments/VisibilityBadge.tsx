import type { ThreadView } from '../../shared/api';
import { useT } from '../intl';
import { LockIcon } from '../icons';
import { useSidebar } from './SidebarContext';

/** Shared with every party, or internal to one (with a lock). */
export function VisibilityBadge({ thread }: { thread: Pick<ThreadView, 'visibility' | 'partyId'> }) {
  const { parties } = useSidebar();
  const t = useT();
  if (thread.visibility === 'shared') {
    return (
      <span className="visibility-badge shared" title={t('comments.sharedLong')} data-visibility="shared">
        {t('comments.shared')}
      </span>
    );
  }
  const party = parties.get(thread.partyId) || '';
  return (
    <span className="visibility-badge internal" title={`${t('comments.internalLong', { party })}. ${t('comments.internalHint')}`} data-visibility="party">
      <LockIcon /> {t('comments.internal')}
    </span>
  );
}
