import type { ReactNode } from 'react';
import { getIncluded } from '../../shared/included';
import type { SectionTemplate } from '../../shared/template';
import { useT } from '../intl';
import { useLanguage } from '../language';
import { useCanEdit } from '../session';
import type { Collab } from './useCollab';
import { useYMapValue } from './yhooks';

/**
 * An optional section (an annex): shown with a button to leave it out, or,
 * left out, as a button to add it back. The choice is shared through the
 * document's `included` map, so every editor sees it at once.
 */
export function OptionalSection({ section, collab, children }: { section: SectionTemplate; collab: Collab; children: ReactNode }) {
  const t = useT();
  const { lang } = useLanguage();
  const canEdit = useCanEdit();
  const map = getIncluded(collab.doc);
  const value = useYMapValue(map, section.key);
  if (!section.optional) return <>{children}</>;
  const included = typeof value === 'boolean' ? value : section.optional.included;
  const title = section.title[lang];
  if (!included) {
    return (
      <div className="annex-toggle" data-testid={`add-annex-${section.key}`}>
        <button type="button" className="button ghost" disabled={!canEdit} onClick={() => map.set(section.key, true)}>
          + {t('editor.addAnnex', { section: title })}
        </button>
      </div>
    );
  }
  return (
    <>
      {children}
      <div className="annex-toggle">
        <button
          type="button"
          className="button link danger"
          data-testid={`remove-annex-${section.key}`}
          disabled={!canEdit}
          onClick={() => map.set(section.key, false)}
        >
          {t('editor.removeAnnex', { section: title })}
        </button>
      </div>
    </>
  );
}
