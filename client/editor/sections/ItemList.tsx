import type { ReactNode } from 'react';
import type * as Y from 'yjs';
import { removeListItem } from '../../../shared/schema';
import { useT } from '../../intl';
import { idOf, mapsOf, useYArrayItems } from '../yhooks';
import { useCanEdit } from '../../session';

interface ItemListProps {
  list: Y.Array<Y.Map<unknown>> | undefined;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  renderItem: (item: Y.Map<unknown>) => ReactNode;
  testId?: string;
}

/** A live list of small structured items (contacts, signatories) with add and remove. */
export function ItemList({ list, empty, addLabel, onAdd, renderItem, testId }: ItemListProps) {
  const t = useT();
  const items = mapsOf(useYArrayItems(list)).filter((item) => idOf(item) !== '');
  const canEdit = useCanEdit();
  return (
    <div className="item-list" data-testid={testId}>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={idOf(item)} className="item-row">
              <div className="item-fields">{renderItem(item)}</div>
              {canEdit && (
                <button type="button" className="button link danger" onClick={() => list && removeListItem(list, idOf(item))}>
                  {t('editor.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <button type="button" className="button ghost small" onClick={onAdd} disabled={!list}>
          + {addLabel}
        </button>
      )}
    </div>
  );
}
