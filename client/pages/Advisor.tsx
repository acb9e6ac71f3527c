import { useState } from 'react';
import { recommendIfAnswered, type PartialAnswers } from '../../shared/advisor';
import type { MessageKey } from '../../shared/i18n';
import { findTemplate } from '../../shared/templates';
import { useT } from '../intl';
import { useLanguage } from '../language';

interface Question<K extends keyof PartialAnswers> {
  key: K;
  label: MessageKey;
  options: { value: NonNullable<PartialAnswers[K]>; label: MessageKey }[];
}

const FUNDING: Question<'sharedFunding'> = {
  key: 'sharedFunding',
  label: 'advisor.q.funding',
  options: [
    { value: true, label: 'advisor.a.fundingYes' },
    { value: false, label: 'advisor.a.fundingNo' },
  ],
};
const ORGANISATIONS: Question<'organisations'> = {
  key: 'organisations',
  label: 'advisor.q.organisations',
  options: [
    { value: 'few', label: 'advisor.a.few' },
    { value: 'many', label: 'advisor.a.many' },
  ],
};
const SERVICES: Question<'services'> = {
  key: 'services',
  label: 'advisor.q.services',
  options: [
    { value: 'established', label: 'advisor.a.established' },
    { value: 'cocreated', label: 'advisor.a.cocreated' },
  ],
};

/**
 * "Which one?" at creation: the guide's three questions (001), then the
 * template it points to and why, in its terms. Choosing stays with the user:
 * the recommendation only offers to switch the template.
 */
export function Advisor({ templateId, onChoose }: { templateId: string; onChoose: (id: string) => void }) {
  const t = useT();
  const { lang } = useLanguage();
  const [answers, setAnswers] = useState<PartialAnswers>({});
  const advice = recommendIfAnswered(answers);
  const recommended = advice ? findTemplate(advice.templateId) : undefined;

  const radios = <K extends keyof PartialAnswers>(q: Question<K>) => (
    <fieldset className="field radio-row advisor-question" key={q.key} data-question={q.key}>
      <legend>{t(q.label)}</legend>
      {q.options.map((o) => (
        <label key={String(o.value)} className="radio">
          <input type="radio" name={`advisor-${q.key}`} checked={answers[q.key] === o.value} onChange={() => setAnswers((a) => ({ ...a, [q.key]: o.value }))} />
          {t(o.label)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <details className="advisor" data-testid="advisor">
      <summary>{t('advisor.heading')}</summary>
      <p className="small muted">{t('advisor.intro')}</p>
      {radios(FUNDING)}
      {radios(ORGANISATIONS)}
      {radios(SERVICES)}
      {advice && recommended && (
        <div className="advisor-result" role="status" data-testid="advisor-result" data-recommended={advice.templateId}>
          <p>
            <strong>{t('advisor.recommends', { template: recommended.name[lang] })}</strong>
          </p>
          <ul>
            {advice.reasons.map((r) => (
              <li key={r}>{t(`advisor.reason.${r}`)}</li>
            ))}
          </ul>
          {templateId === advice.templateId ? (
            <p className="small muted">{t('advisor.chosen')}</p>
          ) : (
            <button type="button" className="button ghost" onClick={() => onChoose(advice.templateId)} data-testid="advisor-use">
              {t('advisor.use', { template: recommended.name[lang] })}
            </button>
          )}
        </div>
      )}
    </details>
  );
}
