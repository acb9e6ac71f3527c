import type { ThreadView } from '../../shared/api';
import type { CheckResult } from '../../shared/readiness';
import type { FoundSuggestion } from '../../shared/suggestions';
import type { AgreementTemplate, Lang } from '../../shared/template';
import type { Translate } from '../../shared/i18n/translate';

/** One thing the checklist still needs, in words, and the section to go to. */
export interface MissingItem {
  text: string;
  section: string | null;
  /** A suggestion's id: the item goes to the editor's `[data-suggestion="<id>"]` rather than to a section. */
  suggestion?: string;
}

export interface DescribeContext {
  t: Translate;
  lang: Lang;
  template: AgreementTemplate | undefined;
  /** Legal names by party id ('' when not given yet). */
  parties: ReadonlyMap<string, string>;
  unnamedParty: string;
  /** Threads by id, when known, to say where an open discussion is. */
  threads: ReadonlyMap<string, ThreadView>;
  /** A RACI task's name ('' when not given yet), to say which task breaks the rule. */
  taskName?: (sectionKey: string, taskId: string) => string;
  /** The open suggestions read from the document, by id, to say what each one changes. */
  suggestions?: ReadonlyMap<string, FoundSuggestion>;
}

export function partyLabel(ctx: Pick<DescribeContext, 'parties' | 'unnamedParty' | 't'>, partyId: string): string {
  const name = ctx.parties.get(partyId);
  if (name === undefined) return ctx.t('party.gone');
  return name || ctx.unnamedParty;
}

export function sectionLabel(ctx: Pick<DescribeContext, 'template' | 'lang'>, key: string): string {
  return ctx.template?.sections.find((s) => s.key === key)?.title[ctx.lang] ?? key;
}

const QUOTE_MAX = 60;
const shorten = (text: string): string => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text);

/** Turns a check's `missing` entries (`section`, `section:partyId`, `contacts:partyId`, `signer:partyId`, `invite:partyId`, thread ids) into words. */
export function describeMissing(check: CheckResult, ctx: DescribeContext): MissingItem[] {
  const { t } = ctx;
  const party = (id: string): string => partyLabel(ctx, id);
  const section = (key: string): string => sectionLabel(ctx, key);

  if (check.key === 'approvals') {
    // Grouped by party: "Party B has not approved: Purpose, Duration".
    const byParty = new Map<string, string[]>();
    for (const entry of check.missing) {
      const [key = '', partyId = ''] = entry.split(':');
      byParty.set(partyId, [...(byParty.get(partyId) ?? []), key]);
    }
    return [...byParty].map(([partyId, keys]) => ({
      text: t('signing.missing.approvalsOf', { party: party(partyId), sections: keys.map(section).join(', ') }),
      section: keys[0] ?? null,
    }));
  }
  if (check.key === 'noOpenThreads') {
    return check.missing.map((id) => {
      const thread = ctx.threads.get(id);
      if (!thread) return { text: t('signing.missing.thread', { section: '…' }), section: null };
      const quote = thread.anchor?.quote ?? thread.comments.find((c) => c.body)?.body ?? '';
      const where = section(thread.section);
      return {
        text: quote ? t('signing.missing.threadQuote', { section: where, quote: shorten(quote) }) : t('signing.missing.thread', { section: where }),
        section: thread.section,
      };
    });
  }
  if (check.key === 'suggestions') {
    return check.missing.map((id) => {
      const s = ctx.suggestions?.get(id);
      const where = s ? section(s.sectionKey) : '…';
      const inserted = shorten((s?.inserted ?? '').trim());
      const deleted = shorten((s?.deleted ?? '').trim());
      const text =
        inserted && deleted
          ? t('signing.missing.suggestionReplaces', { section: where, inserted, deleted })
          : inserted
            ? t('signing.missing.suggestionInserts', { section: where, text: inserted })
            : deleted
              ? t('signing.missing.suggestionDeletes', { section: where, text: deleted })
              : t('signing.missing.suggestionFormat', { section: where });
      return { text, section: s?.sectionKey ?? null, suggestion: id };
    });
  }
  if (check.key === 'legalReview') return [];
  if (check.key === 'raci') {
    return check.missing.map((entry) => {
      const [key = '', taskId = '', problem] = entry.split(':');
      const task = ctx.taskName?.(key, taskId) || t('raci.unnamedTask');
      const text =
        problem === 'manyA' ? t('raci.problem.manyA', { task }) : problem === 'noA' ? t('raci.problem.noA', { task }) : t('raci.problem.noR', { task });
      return { text, section: key };
    });
  }
  if (check.key === 'duration') return check.missing.map(() => ({ text: t('signing.missing.duration'), section: 'duration' }));

  return check.missing.map((entry) => {
    const [head = '', partyId] = entry.split(':');
    if (partyId === undefined) return { text: section(head), section: head };
    if (head === 'contacts') return { text: t('signing.missing.contacts', { party: party(partyId) }), section: 'responsibilities' };
    if (head === 'signer') return { text: t('signing.missing.signer', { party: party(partyId) }), section: 'signatories' };
    if (head === 'invite') return { text: t('signing.missing.invite', { party: party(partyId) }), section: null };
    const kind = ctx.template?.sections.find((x) => x.key === head)?.kind;
    if (kind === 'parties') return { text: t('signing.missing.legalName', { n: [...ctx.parties.keys()].indexOf(partyId) + 1 }), section: head };
    if (kind === 'signatories') return { text: t('signing.missing.signatoryNamed', { party: party(partyId) }), section: head };
    if (kind === 'responsibilities' && check.key === 'responsibilities')
      return { text: t('signing.missing.provides', { party: party(partyId) }), section: head };
    return { text: t('signing.missing.sectionOfParty', { section: section(head), party: party(partyId) }), section: head };
  });
}
