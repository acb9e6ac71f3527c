import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/api';
import {
  assertOwnerKept,
  authorize,
  authorizeCommentAuthor,
  authorizeRecordedSigner,
  authorizeResolve,
  can,
  canSeeThread,
  type Action,
} from '../../../server/auth/policy';
import { HttpError } from '../../../server/errors';
import type { Participant } from '../../../server/store/participants';

const person = (role: Role, more: Partial<Participant> = {}): Participant => ({
  id: `${role}-1`,
  agreementId: 'A',
  name: role,
  email: `${role}@example.org`,
  partyId: 'party-1',
  role,
  signatory: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  revokedAt: null,
  ...more,
});

/** The HttpError `fn` throws, or undefined if it does not throw. */
function refusal(fn: () => unknown): { status: number; code: string; message: string } | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
  return undefined;
}

describe('policy', () => {
  it('gives each role its rights, and a revoked participant none', () => {
    const actions: Action[] = ['read', 'edit', 'comment', 'approve', 'manage'];
    const rights = (p: Participant) => actions.filter((a) => can(p, a));
    expect(rights(person('owner'))).toEqual(['read', 'edit', 'comment', 'approve', 'manage']);
    expect(rights(person('editor'))).toEqual(['read', 'edit', 'comment', 'approve']);
    expect(rights(person('commenter'))).toEqual(['read', 'comment']);
    expect(rights(person('viewer'))).toEqual(['read']);
    expect(rights(person('owner', { revokedAt: '2025-01-02T00:00:00.000Z' }))).toEqual([]);
  });

  it('lets designated signatories sign, whatever their role, unless revoked', () => {
    expect(can(person('viewer', { signatory: true }), 'sign')).toBe(true);
    expect(can(person('owner'), 'sign')).toBe(false);
    expect(can(person('editor', { signatory: true, revokedAt: '2025-01-02T00:00:00.000Z' }), 'sign')).toBe(false);
  });

  it('refuses with 403 forbidden, saying what was refused', () => {
    expect(refusal(() => authorize(person('commenter'), 'edit'))).toEqual({
      status: 403,
      code: 'forbidden',
      message: 'A commenter may not edit on this agreement.',
    });
    expect(refusal(() => authorize(person('editor'), 'sign'))).toEqual({ status: 403, code: 'forbidden', message: 'Only a designated signatory may sign.' });
    expect(refusal(() => authorize(person('editor'), 'approve'))).toBeUndefined();
  });

  it('lets only its author change a comment', () => {
    expect(refusal(() => authorizeCommentAuthor(person('owner'), 'someone-else'))?.code).toBe('forbidden');
    expect(refusal(() => authorizeCommentAuthor(person('commenter'), 'commenter-1'))).toBeUndefined();
  });

  it('lets the thread’s author or an editor resolve it, not another commenter', () => {
    expect(refusal(() => authorizeResolve(person('commenter'), 'commenter-1'))).toBeUndefined();
    expect(refusal(() => authorizeResolve(person('editor'), 'someone-else'))).toBeUndefined();
    expect(refusal(() => authorizeResolve(person('commenter'), 'someone-else'))?.message).toBe(
      'Only the thread’s author or an editor may resolve or reopen it.',
    );
  });

  it('shows a party’s internal thread to that party only', () => {
    const viewer = person('viewer');
    expect(canSeeThread(viewer, { visibility: 'shared', partyId: 'party-2' })).toBe(true);
    expect(canSeeThread(viewer, { visibility: 'party', partyId: 'party-1' })).toBe(true);
    expect(canSeeThread(viewer, { visibility: 'party', partyId: 'party-2' })).toBe(false);
  });

  it('lets only the signers recorded at lock sign, and returns their record', () => {
    const recorded = [{ participantId: 'editor-1', partyId: 'party-1' }];
    expect(authorizeRecordedSigner(recorded, person('editor'))).toEqual(recorded[0]);
    expect(refusal(() => authorizeRecordedSigner(recorded, person('viewer')))?.message).toBe(
      'Only the signatories recorded when this version was locked may sign it.',
    );
  });

  it('keeps the owner: no role change, no revocation (400)', () => {
    expect(refusal(() => assertOwnerKept(person('owner'), 'role'))).toEqual({
      status: 400,
      code: 'invalid_request',
      message: "The owner's role cannot be changed.",
    });
    expect(refusal(() => assertOwnerKept(person('owner'), 'revoke'))?.message).toBe('The owner cannot be revoked.');
    expect(refusal(() => assertOwnerKept(person('editor'), 'revoke'))).toBeUndefined();
  });
});
