import { useState } from 'react';
import type { StatusView } from '../../shared/api';
import { ApiFailure } from '../apiFailure';
import { errorText } from '../errorText';
import type { Signing } from './SigningContext';
import { useT } from '../intl';

/**
 * Runs one signing action against the server (approve, lock, unlock, cancel,
 * sign): busy while it runs, the new status applied on success, the error
 * code's words shown and the status refetched on failure.
 */
export function useStatusAction(signing: Signing | null) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<StatusView>, explain: (err: ApiFailure) => string = (err) => errorText(t, err)): Promise<boolean> => {
    if (!signing) return false;
    setBusy(true);
    setError(null);
    try {
      signing.apply(await action());
      return true;
    } catch (err) {
      setError(err instanceof ApiFailure ? explain(err) : t('signing.actionFailed'));
      signing.refresh();
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
