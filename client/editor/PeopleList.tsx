import { initials } from '../identity';
import { roleName, useT } from '../intl';
import type { Peer } from './presence';

/** Who is here and where, in words (the toolbar shows the same as avatars). */
export function PeopleList({ peers, sectionTitle }: { peers: Peer[]; sectionTitle: (key: string) => string | null }) {
  const t = useT();
  return (
    <section className="side-card" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('editor.peopleHere')}</h2>
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
                  {peer.self && <span className="muted"> ({t('common.you')})</span>}
                </span>
                {(peer.party || peer.role) && (
                  <span className="person-detail">{[peer.party, peer.role ? roleName(t, peer.role) : ''].filter(Boolean).join(' · ')}</span>
                )}
                {where && <span className="person-where muted small">{t('editor.inSection', { section: where })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
