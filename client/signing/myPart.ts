import type { Me, StatusView } from '../../shared/api';

/** What the reader may do in the status card, from their session and where the agreement stands. */
export interface MyPart {
  /** Owner actions: lock, unlock, cancel. */
  manage: boolean;
  /** My signature of the version awaiting signatures, if I signed it. */
  mySignature: StatusView['signatures'][number] | undefined;
  /** I am one of the signers recorded at lock, have the right to sign, and have not signed yet. */
  canSign: boolean;
}

export function myPart(status: StatusView, me: Pick<Me, 'participant' | 'can'> | null | undefined): MyPart {
  const mySignature = status.signatures.find((x) => x.participantId === me?.participant.id);
  const mustSign = status.signers.some((x) => x.participantId === me?.participant.id);
  return {
    manage: !!me?.can.manage,
    mySignature,
    canSign: !!me?.can.sign && status.status === 'locked' && !mySignature && mustSign,
  };
}
