import { useEffect } from 'react';
import { getMeta } from '../../shared/schema';
import { useT } from '../intl';
import { isLang, useLanguage } from '../language';
import { Link } from '../router';
import { Avatars } from './Avatars';
import { BoundInput } from './BoundInput';
import { ConnectionStatus, useRefusalReason, useSyncSnapshot } from './ConnectionStatus';
import { PeopleList } from './PeopleList';
import { OptionalSection } from './OptionalSection';
import { ImportedArea } from './ImportedArea';
import { NeedsBeside } from './needs/NeedsBeside';
import { NeedsQuestionnaire } from './needs/NeedsQuestionnaire';
import { SectionFrame } from './SectionFrame';
import { SectionBody } from './sections/SectionBody';
import { usePeers } from './presence';
import { noteOpened, noteSynced } from './pageReady';
import { useCollab, type Collab } from './useCollab';
import { useLiveCache } from '../data/useLiveCache';
import { useSession } from '../session';
import { useYString } from './yhooks';
import { preloadTemplate, useTemplate } from './templates';
import { AccessGate } from '../access/AccessGate';
import { AccessLayer } from '../access/AccessLayer';
import { AccessNotices } from '../access/AccessNotices';
import { ReadOnlyPill } from '../access/AccessNotices';
import { AuthorsProvider } from './authors/AuthorsProvider';
import { AuthorsToggle } from './authors/AuthorsToggle';
import { SuggestionsProvider } from './suggestions/SuggestionsProvider';
import { ModeSwitch } from './suggestions/ModeSwitch';
import { SigningProvider } from '../signing/SigningContext';
import { LockedBanner } from '../signing/LockedBanner';
import { CommentsProvider } from '../comments/CommentsProvider';
import { LazyHistoryPanel } from '../history/LazyHistoryPanel';
// The side column loads after the document, in its own chunks.
import { CommentsSidebar, ParticipantsPanel, StatusPanel } from '../deferred';

/**
 * The editor page of one agreement, for a signed-in participant only: the
 * gate checks the session (GET /me) before the document is opened.
 */
export function AgreementEditor({ id }: { id: string }) {
  return (
    <AccessGate id={id}>
      <CollabEditor id={id} />
    </AccessGate>
  );
}

/** The open document: toolbar, sections, side column. The route (client/routes.tsx) loads it only once the gate let the reader in. */
export function CollabEditor({ id }: { id: string }) {
  const { me } = useSession();
  // One local copy per participant: someone else's offline edits in this browser are never sent as ours.
  const collab = useCollab(id, me.participant.id);
  // The template's chunk beside the first sync, not after it names the template (a first open has no local copy to name it).
  useEffect(() => void preloadTemplate(me.templateId), [me.templateId]);
  // Keeps this agreement's cached server data current (event stream, edits) while it is open.
  useLiveCache(collab);
  const t = useT();
  if (!collab) return <main className="page narrow muted">{t('editor.opening')}</main>;
  return (
    <SigningProvider collab={collab}>
      <AuthorsProvider collab={collab}>
        <OpenAgreement collab={collab} />
      </AuthorsProvider>
    </SigningProvider>
  );
}

function OpenAgreement({ collab }: { collab: Collab }) {
  const t = useT();
  const { lang, suggestLang } = useLanguage();
  const meta = getMeta(collab.doc);
  const templateId = useYString(meta, 'templateId');
  const language = useYString(meta, 'language');
  const title = useYString(meta, 'title');
  // Loaded on demand: the page holds only the template this agreement uses (client/editor/templates.ts).
  const { template, failed: templateFailed } = useTemplate(templateId);
  const awareness = collab.provider.awareness;
  const peers = usePeers(awareness);
  const snapshot = useSyncSnapshot(collab.monitor);
  const refusal = useRefusalReason(snapshot);
  // The side column and dialogs wait until the page is usable (pageReady.ts).
  useEffect(() => noteOpened(), []);
  useEffect(() => {
    if (snapshot.state === 'saved') noteSynced();
  }, [snapshot.state]);

  useEffect(() => {
    if (isLang(language)) suggestLang(language);
  }, [language, suggestLang]);

  useEffect(() => {
    document.title = title ? t('app.titleWith', { title }) : t('app.name');
  }, [title, t]);

  const sectionTitle = (key: string): string | null => template?.sections.find((s) => s.key === key)?.title[lang] ?? null;

  return (
    // Who you are, your rights live, the participant list (see client/access).
    <AccessLayer collab={collab}>
      <SuggestionsProvider collab={collab} template={template}>
        <main className="editor-page">
          <div className="editor-toolbar">
            <Link href="/" className="back-link">
              ← {t('app.back')}
            </Link>
            <BoundInput map={meta} field="title" label={t('editor.agreementTitle')} hideLabel className="title-field" maxLength={200} />
            <Avatars peers={peers} sectionTitle={sectionTitle} testId="presence" />
            <ReadOnlyPill />
            <ConnectionStatus monitor={collab.monitor} />
            <AuthorsToggle />
            <ModeSwitch />
          </div>
          <LockedBanner />
          <CommentsProvider collab={collab}>
            <div className="editor-columns">
              <div className="sections">
                <AccessNotices collab={collab} />
                {refusal && (
                  <div className="notice error-notice" role="alert" data-testid="refusal">
                    <p>{refusal}</p>
                    {!template && <Link href="/">{t('app.back')}</Link>}
                  </div>
                )}
                {!template && !templateFailed && !refusal && <p className="muted loading-note">{t('editor.opening')}</p>}
                {templateFailed && <p className="error">{t('editor.unknownTemplate')}</p>}
                {template && <p className="template-name">{template.name[lang]}</p>}
                <ImportedArea collab={collab} />
                {template && <NeedsQuestionnaire template={template} collab={collab} />}
                {template?.sections.map((section, index) => (
                  <OptionalSection key={section.key} section={section} collab={collab}>
                    <SectionFrame section={section} index={index} collab={collab} peers={peers.filter((p) => !p.self && p.section === section.key)}>
                      <NeedsBeside section={section} template={template} collab={collab} />
                      <SectionBody section={section} template={template} collab={collab} />
                    </SectionFrame>
                  </OptionalSection>
                ))}
              </div>
              <aside className="side-column">
                <StatusPanel template={template} />
                <PeopleList peers={peers} sectionTitle={sectionTitle} />
                <LazyHistoryPanel agreementId={collab.id} template={template} />
                <CommentsSidebar template={template} />
                <ParticipantsPanel collab={collab} />
              </aside>
            </div>
          </CommentsProvider>
        </main>
      </SuggestionsProvider>
    </AccessLayer>
  );
}
