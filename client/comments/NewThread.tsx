import { useEffect, useRef, useState } from 'react';
import type { Visibility } from '../../shared/api';
import { useT } from '../intl';
import { Composer } from './Composer';
import { useSidebar } from './SidebarContext';
import { mentionable } from './threadFilters';
import { useThreadActions } from './useThreadActions';

/** The composer of a new thread, on a section or on the selected text. */
export function NewThread() {
  const { controller, state, parties, describe, sectionTitle } = useSidebar();
  const actions = useThreadActions();
  const t = useT();
  const [visibility, setVisibility] = useState<Visibility>('shared');
  const draft = state.draft;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    ref.current?.querySelector('textarea')?.focus();
  }, [draft]);
  if (!draft) return null;
  const myParty = parties.get(controller.me.partyId) || '';
  const people = mentionable(state.participants, controller.me.id, visibility, controller.me.partyId);
  return (
    <div className="new-thread" ref={ref} data-testid="new-thread">
      <p className="new-thread-title">
        <strong>{t('comments.newComment')}</strong> · {sectionTitle(draft.section)}
      </p>
      {draft.anchor ? (
        <blockquote className="thread-quote static">{draft.anchor.quote}</blockquote>
      ) : (
        <p className="muted small">{t('comments.wholeSection')}</p>
      )}
      {/* Not keyed on the draft: choosing other text keeps what was typed. */}
      <Composer
        people={people}
        describe={describe}
        placeholder={t('comments.placeholder')}
        submitLabel={t('comments.post')}
        autoFocus
        testId="new-thread-composer"
        onCancel={() => controller.set({ draft: null })}
        onSubmit={async (body, mentions) => {
          const thread = await actions.create(draft, visibility, body, mentions);
          controller.set({ draft: null });
          controller.focus(thread.id);
        }}
      >
        <VisibilityChoice value={visibility} onChange={setVisibility} myParty={myParty} />
      </Composer>
    </div>
  );
}

/** Shared with every party, or internal to the writer's own. */
function VisibilityChoice({ value, onChange, myParty }: { value: Visibility; onChange: (v: Visibility) => void; myParty: string }) {
  const t = useT();
  const options: { value: Visibility; label: string }[] = [
    { value: 'shared', label: t('comments.sharedLong') },
    { value: 'party', label: t('comments.internalLong', { party: myParty || '…' }) },
  ];
  return (
    <fieldset className="visibility-choice">
      <legend>{t('comments.visibility')}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="visibility"
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            data-testid={`visibility-${option.value}`}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
