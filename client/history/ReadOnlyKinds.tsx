import type { ComponentType, ReactNode } from 'react';
import type * as Y from 'yjs';
import type { AgreementContent, PartyContent } from '../../shared/render';
import { fragmentName } from '../../shared/schema';
import type { SectionKind, SectionTemplate } from '../../shared/template';
import { useT } from '../intl';
import { ReadOnlyBudget, ReadOnlyRaci } from './ReadOnlyTables';
import { RichTextView } from './RichTextView';

/** What a section kind's read-only view receives: the version's document and its content. */
export interface ReadOnlyProps {
  doc: Y.Doc;
  content: AgreementContent;
  section: SectionTemplate;
}

const usePartyName = (): ((p: PartyContent) => string) => {
  const t = useT();
  return (p) => p.legalName || t('party.unnamed');
};

const Shared = ({ doc, section }: ReadOnlyProps) => <RichTextView fragment={doc.getXmlFragment(fragmentName(section.key))} />;

/** Each party's part of a section: its name, its rich text, then whatever the kind adds. */
function PerParty({ doc, content, section, extra }: ReadOnlyProps & { extra?: (p: PartyContent) => ReactNode }) {
  const partyName = usePartyName();
  return content.parties.map((p) => (
    <div key={p.id} className="party-part">
      <h3 className="small">{partyName(p)}</h3>
      <RichTextView fragment={doc.getXmlFragment(fragmentName(section.key, p.id))} />
      {extra?.(p)}
    </div>
  ));
}

function ReadOnlyParties({ content }: ReadOnlyProps) {
  const partyName = usePartyName();
  return (
    <ol className="read-only-parties">
      {content.parties.map((p) => (
        <li key={p.id}>
          <strong>{partyName(p)}</strong>
          {p.address && <span className="muted"> — {p.address}</span>}
        </li>
      ))}
    </ol>
  );
}

function ReadOnlyContext(props: ReadOnlyProps) {
  return (
    <>
      <PerParty {...props} />
      <Shared {...props} />
    </>
  );
}

function ReadOnlyResponsibilities(props: ReadOnlyProps) {
  const t = useT();
  return (
    <PerParty
      {...props}
      extra={(p) => (
        <ul className="small read-only-items" aria-label={t('editor.contactPoints')}>
          {p.contacts.map((c) => (
            <li key={c.id}>{[c.title, c.email, c.phone].filter((x) => x !== '').join(' · ')}</li>
          ))}
        </ul>
      )}
    />
  );
}

function ReadOnlyDuration(props: ReadOnlyProps) {
  const t = useT();
  const { duration } = props.content;
  return (
    <>
      <dl className="read-only-fields small">
        <dt>{t('editor.termYears')}</dt>
        <dd>{duration.termYears ?? '—'}</dd>
        <dt>{t('editor.renewalReview')}</dt>
        <dd>{duration.renewalReviewMonths ?? '—'}</dd>
        <dt>{t('editor.terminationNotice')}</dt>
        <dd>{duration.terminationNoticeDays === null ? '—' : t('editor.days', { days: duration.terminationNoticeDays })}</dd>
      </dl>
      <Shared {...props} />
    </>
  );
}

function ReadOnlySignatories({ content }: ReadOnlyProps) {
  const partyName = usePartyName();
  return content.parties.map((p) => (
    <div key={p.id} className="party-part">
      <h3 className="small">{partyName(p)}</h3>
      <ul className="small read-only-items">
        {p.signatories.map((s) => (
          <li key={s.id}>{[s.name, s.title].filter((x) => x !== '').join(' · ')}</li>
        ))}
      </ul>
    </div>
  ));
}

/** The name of a party by id, for the tables' lead and line columns. */
function useNameOf(content: AgreementContent): (id: string) => string {
  const t = useT();
  return (id) => content.parties.find((p) => p.id === id)?.legalName || t('party.unnamed');
}

function ReadOnlyRaciSection({ content, section }: ReadOnlyProps) {
  return <ReadOnlyRaci content={content} sectionKey={section.key} partyName={useNameOf(content)} />;
}

function ReadOnlyBudgetSection({ content, section }: ReadOnlyProps) {
  return <ReadOnlyBudget content={content} sectionKey={section.key} partyName={useNameOf(content)} />;
}

/** Each section kind's read-only view of a version, for `ReadOnlyAgreement` (its editor: `client/editor/sections/kindEditors.ts`). */
const READ_ONLY_KINDS: Record<SectionKind, ComponentType<ReadOnlyProps>> = {
  parties: ReadOnlyParties,
  richtext: Shared,
  context: ReadOnlyContext,
  responsibilities: ReadOnlyResponsibilities,
  duration: ReadOnlyDuration,
  signatories: ReadOnlySignatories,
  raci: ReadOnlyRaciSection,
  budget: ReadOnlyBudgetSection,
};

/** A kind's read-only view; undefined for a name that is no kind. */
export function readOnlyView(kind: string): ComponentType<ReadOnlyProps> | undefined {
  return Object.hasOwn(READ_ONLY_KINDS, kind) ? READ_ONLY_KINDS[kind as SectionKind] : undefined;
}
