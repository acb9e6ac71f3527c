import { initials } from '../identity';
import { roleName, useT } from '../intl';
import type { Peer } from './presence';

/** Coloured initials of the people connected, with where they are. */
export function Avatars({
  peers,
  sectionTitle,
  size = 'normal',
  testId,
}: {
  peers: Peer[];
  sectionTitle: (key: string) => string | null;
  size?: 'normal' | 'small';
  testId?: string;
}) {
  const t = useT();
  return (
    <ul className={`avatars ${size}`} data-testid={testId} aria-label={t('editor.peopleHere')}>
      {peers.map((peer) => {
        const where = peer.section ? sectionTitle(peer.section) : null;
        const who = [peer.party, peer.role ? roleName(t, peer.role) : ''].filter(Boolean).join(', ');
        const label = `${peer.name}${peer.self ? ` (${t('common.you')})` : ''}${who ? ` — ${who}` : ''}${where ? ` — ${t('editor.inSection', { section: where })}` : ''}`;
        return (
          <li
            key={peer.clientId}
            className={`avatar ${size === 'small' ? 'small' : ''} ${peer.self ? 'self' : ''}`}
            style={{ backgroundColor: peer.color }}
            title={label}
            data-peer={peer.name}
            data-role={peer.role}
            data-section={peer.section ?? ''}
          >
            <span aria-hidden="true">{initials(peer.name)}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
