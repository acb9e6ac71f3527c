import { useMemo, useState } from 'react';
import type { ParticipantView } from '../../shared/api';
import { useAgreementCache } from '../data/cache';
import { loadFailed, useParticipants } from '../data/queries';
import type { Collab } from '../editor/useCollab';
import { useSession } from '../session';
import { useT } from '../intl';
import { InviteForm } from './InviteForm';
import { ParticipantRow } from './ParticipantRow';
import { NewLink } from './PersonalLink';
import { partyLabels, usePartyNames } from '../editor/usePartyNames';

/**
 * Who is on the agreement. Everyone sees names, emails, parties, roles,
 * signatories and revoked people; the owner also invites, changes roles,
 * marks signatories, revokes, and gives someone a new personal link. A link
 * is shown once, when it is issued: the server keeps only its hash.
 */
export function ParticipantsPanel({ collab }: { collab: Collab }) {
  const t = useT();
  const { me } = useSession();
  const manage = me.can.manage;
  const participants = useParticipants(collab.id);
  const { upsertParticipant } = useAgreementCache(collab.id);
  const names = usePartyNames(collab.doc);
  const parties = useMemo(() => partyLabels(names), [names]);
  const [inviting, setInviting] = useState(false);
  const [justInvited, setJustInvited] = useState<ParticipantView | null>(null);

  // Active people first (in the server's order: owner, then by invitation), revoked ones last.
  const list = participants.data ? [...participants.data].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null)) : [];
  const active = list.filter((p) => p.revokedAt === null).length;

  return (
    <section className="side-card participants-panel" aria-labelledby="participants-heading" data-testid="participants-panel">
      <h2 id="participants-heading">
        {t('participants.heading')} {participants.data && <span className="count">{active}</span>}
      </h2>
      {participants.isPending && !loadFailed(participants) && <p className="muted small">…</p>}
      {loadFailed(participants) && (
        <p className="error small" role="alert">
          {t('participants.loadFailed')}{' '}
          <button type="button" className="button link" onClick={() => void participants.refetch()}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {list.length > 0 && (
        <ul className="participant-list" data-testid="participant-list">
          {list.map((p) => (
            <ParticipantRow
              key={p.id}
              agreementId={collab.id}
              p={p}
              self={p.id === me.participant.id}
              manage={manage}
              parties={parties}
              onChanged={upsertParticipant}
            />
          ))}
        </ul>
      )}
      {justInvited && <NewLink person={justInvited} message={t('participants.invited', { name: justInvited.name })} onClose={() => setJustInvited(null)} />}
      {manage &&
        (inviting ? (
          <InviteForm
            agreementId={collab.id}
            parties={parties}
            onCancel={() => setInviting(false)}
            onInvited={(p) => {
              upsertParticipant(p);
              setJustInvited(p);
              setInviting(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="button ghost small invite-button"
            data-testid="invite-open"
            onClick={() => {
              setJustInvited(null);
              setInviting(true);
            }}
          >
            + {t('participants.invite')}
          </button>
        ))}
    </section>
  );
}
