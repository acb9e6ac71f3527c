import type { StatusView } from '../../shared/api';
import type { AgreementContent } from '../../shared/render';
import { can } from '../auth/policy';
import type { Participant } from '../store/participants';
import type { Signature, VersionSigner } from '../store/versions';

export type SignerView = StatusView['signers'][number];

/**
 * The participants designated to sign for the parties of `content`, now:
 * who a lock would record: those the policy lets sign (revoked people do
 * not). Parties not in the agreement do not count.
 */
export function designatedSigners(participants: readonly Participant[], content: AgreementContent): VersionSigner[] {
  const parties = new Set(content.parties.map((p) => p.id));
  return participants.filter((p) => can(p, 'sign') && parties.has(p.partyId)).map((p) => ({ partyId: p.partyId, participantId: p.id }));
}

/** Parties of `content` that nobody in `signers` signs for. */
export function partiesWithoutSigner(signers: readonly VersionSigner[], content: AgreementContent): string[] {
  const covered = new Set(signers.map((s) => s.partyId));
  return content.parties.filter((p) => !covered.has(p.id)).map((p) => p.id);
}

/**
 * Signed only when everyone recorded at lock has signed. A version with
 * nobody recorded is never complete (lock refuses that; it could only come
 * from a database written by hand).
 */
export function everyoneSigned(signers: readonly VersionSigner[], signatures: readonly Signature[]): boolean {
  const signed = new Set(signatures.map((s) => s.participantId));
  return signers.length > 0 && signers.every((s) => signed.has(s.participantId));
}

/** The status's list of who must sign, with names, party names (from `content`) and who has. */
export function signerViews(
  signers: readonly VersionSigner[],
  people: readonly Participant[],
  content: AgreementContent,
  signatures: readonly Signature[],
): SignerView[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const partyName = (id: string): string => content.parties.find((p) => p.id === id)?.legalName ?? '';
  return signers.map((s) => ({
    partyId: s.partyId,
    partyName: partyName(s.partyId),
    participantId: s.participantId,
    name: byId.get(s.participantId)?.name ?? '',
    signed: signatures.some((sig) => sig.participantId === s.participantId),
  }));
}
