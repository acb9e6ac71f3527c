import { describe, expect, it } from 'vitest';
import type { Me, StatusView } from '../../shared/api';
import { myPart } from '../../client/signing/myPart';

const can = { edit: true, comment: true, approve: true, sign: true, manage: false };

function me(id: string, rights: Partial<Me['can']> = {}): Pick<Me, 'participant' | 'can'> {
  return {
    participant: { id, name: id, email: '', partyId: 'a', role: 'editor', signatory: true, createdAt: '2025-01-01T00:00:00.000Z', revokedAt: null },
    can: { ...can, ...rights },
  };
}

function status(state: StatusView['status'], signedBy: string[] = []): StatusView {
  return {
    status: state,
    defaultMode: 'editing',
    version: null,
    history: [],
    approvals: [],
    validApprovals: [],
    checklist: [],
    signatures: signedBy.map((participantId) => ({
      participantId,
      partyId: 'a',
      fullName: participantId,
      title: 'Directrice',
      signedAt: '2025-02-01T10:00:00.000Z',
      versionHash: 'h',
    })),
    signers: ['ana', 'ben'].map((participantId) => ({
      partyId: 'a',
      partyName: 'A',
      participantId,
      name: participantId,
      signed: signedBy.includes(participantId),
    })),
    inForceFrom: null,
  };
}

describe('myPart', () => {
  it('a signer recorded at lock may sign once, while the version is locked', () => {
    expect(myPart(status('locked'), me('ana')).canSign).toBe(true);
    const after = myPart(status('locked', ['ana']), me('ana'));
    expect(after.canSign).toBe(false);
    expect(after.mySignature?.participantId).toBe('ana');
  });

  it('nobody signs a draft or a signed agreement', () => {
    expect(myPart(status('draft'), me('ana')).canSign).toBe(false);
    expect(myPart(status('signed', ['ana', 'ben']), me('ana')).canSign).toBe(false);
  });

  it('someone not recorded as a signer, or without the right to sign, does not get the Sign button', () => {
    expect(myPart(status('locked'), me('carl')).canSign).toBe(false);
    expect(myPart(status('locked'), me('ana', { sign: false })).canSign).toBe(false);
  });

  it('owner actions follow the manage right; without a session there is nothing to do', () => {
    expect(myPart(status('draft'), me('ana', { manage: true })).manage).toBe(true);
    expect(myPart(status('draft'), me('ana')).manage).toBe(false);
    expect(myPart(status('locked'), null)).toEqual({ manage: false, mySignature: undefined, canSign: false });
  });
});
