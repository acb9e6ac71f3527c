import { lazy, Suspense, useState } from 'react';
import type { LinksView } from '../../shared/lifecycleSchemas';
import { useT } from '../intl';
import { useStatusCard } from '../signing/StatusCardContext';

// The comparison's view is the drafting history's: fetched when first opened, not with the status card.
const Dialog = lazy(async () => ({ default: (await import('./AmendmentChangesDialog')).AmendmentChangesDialog }));

/** On an amendment (or a renewal), draft or signed: "What this amendment changes", against the signed original. */
export function AmendmentChanges({ agreementId, source }: { agreementId: string; source: NonNullable<LinksView['source']> }) {
  const t = useT();
  const { template } = useStatusCard();
  const [open, setOpen] = useState(false);
  const heading = t(source.kind === 'renewal' ? 'lifecycle.whatRenewalChanges' : 'lifecycle.whatChanges');
  return (
    <>
      <p className="small">
        <button type="button" className="button small" onClick={() => setOpen(true)} data-testid="amendment-changes-open">
          {heading}
        </button>
      </p>
      {open && (
        <Suspense fallback={null}>
          <Dialog
            agreementId={agreementId}
            originalId={source.id}
            basedOn={source.basedOn}
            heading={heading}
            template={template}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
