import { canonicalJson } from '../../shared/canonical';
import { agreementDates } from '../../shared/lifecycle';
import { SIGNED_COPY_SCHEMA, type SignedCopy } from '../../shared/lifecycleSchemas';
import type { AgreementContent } from '../../shared/render';
import { sha256 } from '../signing/hash';
import type { Signature, Version } from '../store/versions';

/**
 * The machine-readable copy of a signed version, built only from what never
 * changes once signed (the version's canonical content, its signatures, its
 * hashes, and the dates its terms give), so it is the same file every time
 * and its SHA-256 identifies it. Signers' IP addresses and browsers stay
 * out: the copy is handed to every party.
 */
export function signedCopy(agreementId: string, version: Version, signatures: readonly Signature[]): { copy: SignedCopy; json: string; hash: string } {
  if (version.status !== 'signed' || !version.signedAt || !version.pdfHash) throw new Error(`version ${version.id} is not signed`);
  const content = JSON.parse(version.canonical) as AgreementContent;
  const copy: SignedCopy = {
    schema: SIGNED_COPY_SCHEMA,
    agreement: { id: agreementId, title: content.title, language: content.language, templateId: content.templateId },
    version: { number: version.number, lockedAt: version.lockedAt, signedAt: version.signedAt },
    content,
    parties: content.parties.map(({ id, legalName, address }) => ({ id, legalName, address })),
    signatures: signatures.map(({ partyId, fullName, title, signedAt, versionHash }) => ({ partyId, fullName, title, signedAt, versionHash })),
    dates: agreementDates(version.signedAt, content.duration),
    hashes: { algorithm: 'SHA-256', version: version.hash, pdf: version.pdfHash, pages: version.pagesHash },
  };
  const json = canonicalJson(copy);
  return { copy, json, hash: sha256(json) };
}
