import { initials } from '../identity';
import { useI18n } from '../i18n';
import type { Peer } from './presence';
import { useAccessStrings } from '../access/i18n';
import { roleName } from '../access/MeBadge';

/** Who is here and where, in words (the toolbar shows the same as avatars). */
export function PeopleList({ peers, sectionTitle }: { peers: Peer[]; sectionTitle: (key: string) => string | null }) {
  const { t } = useI18n();
  const s = useAccessStrings();
  return (
    <section className="side-card" aria-labelledby="people-heading">
      <h2 id="people-heading">{t.peopleHere}</h2>
      <ul className="people-list" data-testid="people-list">
        {peers.map((peer) => {
          const where = peer.section ? sectionTitle(peer.section) : null;
          return (
            <li key={peer.clientId} data-peer={peer.name} data-role={peer.role}>
              <span className="avatar small" style={{ backgroundColor: peer.color }} aria-hidden="true">
                {initials(peer.name)}
              </span>
              <span className="person">
                <span className="person-name">
                  {peer.name}
                  {peer.self && <span className="muted"> ({t.you})</span>}
                </span>
                {(peer.party || peer.role) && (
                  <span className="person-detail">{[peer.party, peer.role ? roleName(s, peer.role) : ''].filter(Boolean).join(' · ')}</span>
                )}
                {where && <span className="person-where muted small">{t.inSection(where)}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
