import type { SectionComparisonView } from '../../shared/historySchemas';
import { FIELD_KEYS } from '../../shared/historyLabels';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { names } from './labels';

interface SectionDiffProps {
  section: SectionComparisonView;
  index: number;
  title: string;
  partyNames: Record<string, string>;
}

/** One changed section: who changed it, each rich-text part with words marked, then its field changes. */
export function SectionDiff({ section, index, title, partyNames }: SectionDiffProps) {
  const t = useT();
  const { lang } = useLanguage();
  const party = (id: string | null): string => (id === null ? t('compare.shared') : partyNames[id] || t('party.unnamed'));
  const texts = section.texts.filter((x) => x.ops.some((o) => o.op !== 'same'));
  return (
    <section className="diff-section" data-testid="diff-section" data-section={section.key}>
      <h3>
        <span className="section-number">{index + 1}.</span> {title}
      </h3>
      {section.authors.length > 0 && (
        <p className="small diff-authors" data-testid="diff-authors">
          {t('compare.changedBy', { names: names(lang, section.authors) })}
        </p>
      )}
      {texts.map((x) => (
        <div key={x.partyId ?? 'shared'} className="diff-part">
          {section.texts.length > 1 && <h4 className="small">{party(x.partyId)}</h4>}
          <p className="diff-text">
            {x.ops.map((o, i) =>
              o.op === 'ins' ? (
                <ins
                  key={i}
                  data-testid="diff-ins"
                  data-by={names(lang, o.by ?? [])}
                  title={o.by?.length ? t('compare.insertedBy', { names: names(lang, o.by) }) : undefined}
                >
                  {o.text}
                </ins>
              ) : o.op === 'del' ? (
                <del key={i} data-testid="diff-del">
                  {o.text}
                </del>
              ) : (
                <span key={i}>{o.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
      {section.fields.length > 0 && (
        <table className="diff-fields small" data-testid="diff-fields">
          <tbody>
            {section.fields.map((f, i) => (
              <tr key={i}>
                <th scope="row">
                  {t(FIELD_KEYS[f.field])}
                  {f.partyId !== null && <span className="muted"> — {party(f.partyId)}</span>}
                </th>
                <td>{f.before === null ? <span className="muted">{t('compare.none')}</span> : <del>{f.before}</del>}</td>
                <td aria-hidden="true">→</td>
                <td>{f.after === null ? <span className="muted">{t('compare.none')}</span> : <ins>{f.after}</ins>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
