import { createContext, useContext } from 'react';
import type { StatusView } from '../../shared/api';
import type { AgreementTemplate } from '../../shared/template';
import type { MyPart } from './myPart';
import type { Signing } from './SigningContext';

/** What every part of the status card reads, given once by StatusPanel instead of passed down. */
export interface StatusCardValue extends MyPart {
  signing: Signing;
  /** The status shown (the card only renders once there is one). */
  status: StatusView;
  template: AgreementTemplate | undefined;
}

export const StatusCardContext = createContext<StatusCardValue | null>(null);

export function useStatusCard(): StatusCardValue {
  const value = useContext(StatusCardContext);
  if (!value) throw new Error('useStatusCard is only for the parts of the status card');
  return value;
}
