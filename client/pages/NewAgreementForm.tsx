import { useState, type FormEvent } from 'react';
import type { Lang } from '../../shared/template';
import type { PartyInput } from '../../shared/schema';
import { TEMPLATES } from '../../shared/templates';
import { ApiFailure } from '../apiFailure';
import { createAgreement } from '../api/agreements';
import { errorText } from '../errorText';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { navigate } from '../router';
import { Advisor } from './Advisor';
import { importAgreement } from './importAgreement';
import { PartyFields } from './PartyFields';
import { OwnerFields, afterPartyRemoved, emptyOwner, ownerProblem } from '../access/OwnerFields';

const emptyParty = (): PartyInput => ({ legalName: '', address: '', mission: '' });

/** Title, language, template and the parties: what the server needs to create an agreement. */
export function NewAgreementForm() {
  const t = useT();
  const { lang } = useLanguage();
  const [templateId, setTemplateId] = useState(TEMPLATES[0]?.id ?? 'mou');
  const template = TEMPLATES.find((tpl) => tpl.id === templateId) ?? TEMPLATES[0];
  const minParties = template?.minParties ?? 2;
  const [title, setTitle] = useState('');
  // Follows the UI language until the user picks one.
  const [pickedLanguage, setLanguage] = useState<Lang | null>(null);
  const language = pickedLanguage ?? lang;
  const [parties, setParties] = useState<PartyInput[]>(() => Array.from({ length: minParties }, emptyParty));
  const [owner, setOwner] = useState(emptyOwner);
  const [error, setError] = useState('');
  const [draft, setDraft] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  // A template may need more parties than the form has: add empty ones up to its minimum.
  const chooseTemplate = (id: string): void => {
    setTemplateId(id);
    const min = TEMPLATES.find((tpl) => tpl.id === id)?.minParties ?? 2;
    setParties((ps) => (ps.length >= min ? ps : [...ps, ...Array.from({ length: min - ps.length }, emptyParty)]));
  };

  const updateParty = (index: number, party: PartyInput): void => setParties((ps) => ps.map((p, i) => (i === index ? party : p)));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (title.trim() === '') return setError(t('new.titleRequired'));
    if (parties.length < minParties) return setError(t('new.minParties', { n: minParties }));
    const problem = ownerProblem(owner, t);
    if (problem) return setError(problem);
    setError('');
    setBusy(true);
    try {
      const input = {
        title: title.trim(),
        language,
        templateId,
        parties,
        owner: { name: owner.name.trim(), email: owner.email.trim(), partyIndex: Math.min(owner.partyIndex, parties.length - 1) },
      };
      const created = draft ? await importAgreement(input, draft) : await createAgreement(input);
      // The server has opened the creator's session (cookie): straight into the editor.
      navigate(`/a/${created.id}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? `${t('new.createFailed')} ${errorText(t, err)}` : t('new.createFailed'));
      setBusy(false);
    }
  };

  return (
    <form className="card new-agreement" onSubmit={(e) => void submit(e)} data-testid="new-agreement-form" noValidate>
      <h2>{t('new.heading')}</h2>
      {TEMPLATES.length > 1 ? (
        <label className="field">
          <span>{t('new.template')}</span>
          <select value={templateId} onChange={(e) => chooseTemplate(e.target.value)} data-testid="template-select">
            {TEMPLATES.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name[lang]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <Advisor templateId={templateId} onChoose={chooseTemplate} />
      {template && (
        <p className="template-note">
          <strong>{template.name[lang]}</strong> — {template.description[lang]}
        </p>
      )}
      <label className="field">
        <span>{t('new.title')}</span>
        <input name="title" value={title} maxLength={200} placeholder={t('new.titlePlaceholder')} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <fieldset className="field radio-row">
        <legend>{t('new.language')}</legend>
        {(['fr', 'en'] as const).map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="language" value={l} checked={language === l} onChange={() => setLanguage(l)} />
            {t(`language.${l}`)}
          </label>
        ))}
      </fieldset>
      <h3>{t('new.parties')}</h3>
      <ol className="party-inputs">
        {parties.map((party, index) => (
          <li key={index}>
            <PartyFields
              index={index}
              party={party}
              onChange={(p) => updateParty(index, p)}
              onRemove={
                parties.length > minParties
                  ? () => {
                      setParties((ps) => ps.filter((_, i) => i !== index));
                      setOwner((o) => afterPartyRemoved(o, index));
                    }
                  : undefined
              }
            />
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={() => setParties((ps) => [...ps, emptyParty()])} disabled={parties.length >= 20}>
          + {t('party.add')}
        </button>
      </div>
      <OwnerFields owner={owner} parties={parties} onChange={setOwner} />
      <label className="field">
        <span>{t('new.importLabel')}</span>
        <input
          type="file"
          name="draft"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => setDraft(e.target.files?.[0] ?? null)}
          data-testid="import-docx"
        />
        <small className="muted">{t('new.importHint')}</small>
      </label>
      <div className="form-actions submit-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('new.creating') : t('new.create')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
