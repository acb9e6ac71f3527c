import { initials } from '../identity';
import { useI18n } from '../i18n';
import type { Peer } from './presence';
import { useAccessStrings } from '../access/i18n';
import { roleName } from '../access/MeBadge';

/** Coloured initials of the people connected, with where they are. */
export function Avatars({ peers, sectionTitle, size = 'normal', testId }: { peers: Peer[]; sectionTitle: (key: string) => string | null; size?: 'normal' | 'small'; testId?: string }) {
  const { t } = useI18n();
  const s = useAccessStrings();
  return (
    <ul className={`avatars ${size}`} data-testid={testId} aria-label={t.peopleHere}>
      {peers.map((peer) => {
        const where = peer.section ? sectionTitle(peer.section) : null;
        const who = [peer.party, peer.role ? roleName(s, peer.role) : ''].filter(Boolean).join(', ');
        const label = `${peer.name}${peer.self ? ` (${t.you})` : ''}${who ? ` — ${who}` : ''}${where ? ` — ${t.inSection(where)}` : ''}`;
        return (
          <li key={peer.clientId} className={`avatar ${size === 'small' ? 'small' : ''} ${peer.self ? 'self' : ''}`} style={{ backgroundColor: peer.color }} title={label} data-peer={peer.name} data-role={peer.role} data-section={peer.section ?? ''}>
            <span aria-hidden="true">{initials(peer.name)}</span>
            <span className="visually-hidden">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
