import type { StatusView } from '../../shared/api';
import { cancelVersion, lockAgreement, unlockAgreement } from '../api/status';
import { useStatusCard } from './StatusCardContext';

/** The owner's requests that move the agreement along: each answers with the new status (see useStatusAction). */
export function useLifecycleActions(): {
  lock: () => Promise<StatusView>;
  unlock: (reason: string) => Promise<StatusView>;
  cancel: (reason: string) => Promise<StatusView>;
} {
  const id = useStatusCard().signing.agreementId;
  return {
    lock: () => lockAgreement(id),
    unlock: (reason) => unlockAgreement(id, reason),
    cancel: (reason) => cancelVersion(id, reason),
  };
}
