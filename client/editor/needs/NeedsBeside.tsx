import { useCallback, useRef, useSyncExternalStore } from 'react';
import { NEEDS_LABELS, needsMap, questionsInforming, type NeedsQuestion } from '../../../shared/needs';
import { partiesOf } from '../../../shared/schema';
import type { SectionTemplate, AgreementTemplate } from '../../../shared/template';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import type { Collab } from '../useCollab';
import { asString } from '../yhooks';

interface Answer {
  question: NeedsQuestion;
  partyName: string;
  text: string;
}

/** The answers informing a section, live: every party's non-empty answer to each of its questions. */
function useAnswers(collab: Collab, questions: NeedsQuestion[]): Answer[] {
  const last = useRef<{ key: string; value: Answer[] }>({ key: '', value: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      // Answers and party names sit in several maps: any update may touch one; reading them is cheap.
      collab.doc.on('update', onChange);
      return () => collab.doc.off('update', onChange);
    },
    [collab.doc],
  );
  const read = (): Answer[] => {
    const answers = partiesOf(collab.doc).flatMap(({ id, map }) =>
      questions.map((question) => ({
        question,
        partyName: asString(map.get('legalName')).trim(),
        text: asString(needsMap(collab.doc, id).get(question)).trim(),
      })),
    );
    const value = answers.filter((a) => a.text !== '');
    const key = JSON.stringify(value);
    if (key !== last.current.key) last.current = { key, value };
    return last.current.value;
  };
  return useSyncExternalStore(subscribe, read);
}

/** Beside a section: what the parties said they need, for the questions that inform it (000, step 2). */
export function NeedsBeside({ section, template, collab }: { section: SectionTemplate; template: AgreementTemplate; collab: Collab }) {
  const t = useT();
  const { lang } = useLanguage();
  const questions = questionsInforming(template, section.key);
  const answers = useAnswers(collab, questions);
  if (questions.length === 0 || answers.length === 0) return null;
  return (
    <aside className="needs-beside" data-testid={`needs-beside-${section.key}`} aria-label={t('needs.beside')}>
      <p className="needs-beside-title">
        {t('needs.beside')} <a href="#needs">{t('needs.seeAll')}</a>
      </p>
      <dl>
        {questions.map((q) => {
          const mine = answers.filter((a) => a.question === q);
          if (mine.length === 0) return null;
          return (
            <div key={q}>
              <dt>{NEEDS_LABELS[q][lang]}</dt>
              {mine.map((a, i) => (
                <dd key={i}>
                  <strong>{a.partyName || t('party.unnamed')}</strong> — {a.text}
                </dd>
              ))}
            </div>
          );
        })}
      </dl>
    </aside>
  );
}
