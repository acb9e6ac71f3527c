import { IMPORTED } from '../../shared/schema';
import { useT } from '../intl';
import { RichText } from './RichText';
import type { Collab } from './useCollab';
import { useEffect, useState } from 'react';

/**
 * "Imported, to sort": what a Word draft held that matched no section. An
 * ordinary shared rich-text area, so editors cut from it and paste into the
 * sections; shown while it holds anything.
 */
export function ImportedArea({ collab }: { collab: Collab }) {
  const t = useT();
  const fragment = collab.doc.getXmlFragment(IMPORTED);
  const [used, setUsed] = useState(() => fragment.length > 0);
  useEffect(() => {
    const update = (): void => setUsed((was) => was || fragment.length > 0);
    update();
    fragment.observeDeep(update);
    return () => fragment.unobserveDeep(update);
  }, [fragment]);
  if (!used) return null;
  return (
    <section className="card imported-area" data-testid="imported-area" aria-labelledby="imported-title">
      <h2 id="imported-title">{t('editor.imported.heading')}</h2>
      <p className="guidance">{t('editor.imported.help')}</p>
      <RichText collab={collab} fragment={IMPORTED} label={t('editor.imported.heading')} />
    </section>
  );
}
