import type { Comparison } from '../../shared/historySchemas';
import { useT } from '../intl';
import { SectionDiff } from './SectionDiff';

/**
 * The body of a comparison: each changed section with its words marked,
 * the unchanged ones collapsed into one line. Shared by the version
 * comparison and "what this amendment changes".
 */
export function ComparisonSections({ cmp, title, noChanges }: { cmp: Comparison; title: (key: string) => string; noChanges: string }) {
  const t = useT();
  const unchanged = cmp.sections.filter((s) => !s.changed);
  return (
    <>
      {cmp.changedSections.length === 0 && <p data-testid="no-changes">{noChanges}</p>}
      {cmp.sections.map((s, i) => s.changed && <SectionDiff key={s.key} section={s} index={i} title={title(s.key)} partyNames={cmp.partyNames} />)}
      {unchanged.length > 0 && (
        <details className="diff-unchanged small" data-testid="diff-unchanged">
          <summary>{t('compare.unchanged', { n: unchanged.length })}</summary>
          <ul>
            {unchanged.map((s) => (
              <li key={s.key}>{title(s.key)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
