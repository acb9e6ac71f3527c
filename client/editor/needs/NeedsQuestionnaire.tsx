import { NEEDS_LABELS, NEEDS_QUESTIONS, needsMap, workshopsFor, type NeedsQuestion } from '../../../shared/needs';
import type { AgreementTemplate } from '../../../shared/template';
import { useT } from '../../intl';
import { useLanguage } from '../../language';
import { BoundInput } from '../BoundInput';
import type { Collab } from '../useCollab';
import { useParties, usePartyName, type PartyRef } from '../sections/useParties';
import { useYString } from '../yhooks';

function WorkshopHint({ party, collab }: { party: PartyRef; collab: Collab }) {
  const t = useT();
  const people = useYString(needsMap(collab.doc, party.id), 'people');
  const workshops = workshopsFor(people);
  return workshops === null ? null : <p className="small muted">{t('needs.workshopsHint', { workshops })}</p>;
}

function PartyAnswers({ party, collab, questions }: { party: PartyRef; collab: Collab; questions: NeedsQuestion[] }) {
  const t = useT();
  const { lang } = useLanguage();
  const name = usePartyName(party.map);
  const map = needsMap(collab.doc, party.id);
  return (
    <fieldset className="needs-party" data-party={party.id}>
      <legend>{t('needs.partyAnswers', { party: name })}</legend>
      {questions.map((q) => (
        <div key={q} className="needs-question" data-question={q}>
          <BoundInput map={map} field={q} label={NEEDS_LABELS[q][lang]} multiline maxLength={2000} />
          {q === 'workshops' && <WorkshopHint party={party} collab={collab} />}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Before drafting, each party states its needs (000, step 2). Every party
 * sees every answer; each answer is also shown beside the sections it
 * informs (NeedsBeside). Only for templates that have the questionnaire.
 */
export function NeedsQuestionnaire({ template, collab }: { template: AgreementTemplate; collab: Collab }) {
  const t = useT();
  const parties = useParties(collab.doc);
  if (!template.needs) return null;
  const questions = NEEDS_QUESTIONS.filter((q) => template.needs?.[q]);
  return (
    <details className="card needs" id="needs" data-testid="needs">
      <summary>
        <strong>{t('needs.heading')}</strong>
      </summary>
      <p className="small muted">{t('needs.intro')}</p>
      <div className="needs-parties">
        {parties.map((p) => (
          <PartyAnswers key={p.id} party={p} collab={collab} questions={questions} />
        ))}
      </div>
    </details>
  );
}
