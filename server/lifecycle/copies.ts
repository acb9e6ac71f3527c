import { canonicalJson } from '../../shared/canonical';
import type { VerifyResult } from '../../shared/api';
import { HttpError } from '../errors';
import { sha256 } from '../signing/hash';
import type { AuditLog } from '../store/audit';
import type { Participant } from '../store/participants';
import type { VersionStore } from '../store/versions';
import { signedCopy } from './signedCopy';
import type { LifecycleStore } from './store';

export interface CopyDeps {
  store: LifecycleStore;
  versions: VersionStore;
  audit: AuditLog;
  /** What /api/verify says of a signed version (found by its version hash). */
  describe: (versionHash: string) => VerifyResult;
}

/**
 * The signed JSON copy of each signed version: downloaded by participants,
 * its SHA-256 kept (at completion, or at start for versions signed before)
 * so that `/api/verify` recognises the file or its hash like the PDF's.
 */
export class SignedCopies {
  constructor(private readonly d: CopyDeps) {}

  download(by: Participant): { json: string; hash: string; filename: string } {
    const version = this.d.versions.current(by.agreementId);
    if (!version || version.status !== 'signed') throw new HttpError(409, 'not_signed', 'The agreement is not signed yet.');
    const { json, hash } = this.remember(version.id);
    this.d.audit.append(by.agreementId, by.id, 'exported', { format: 'json', version: version.number, jsonHash: hash });
    return { json, hash, filename: `agreement-${by.agreementId}-v${version.number}.json` };
  }

  /** Builds the copy and keeps its hash (idempotent). */
  remember(versionId: string): { json: string; hash: string } {
    const version = this.d.versions.get(versionId);
    if (!version) throw new Error(`no version ${versionId}`);
    const built = signedCopy(version.agreementId, version, this.d.versions.signatures(version.id));
    this.d.store.setJsonHash(version.id, built.hash);
    return built;
  }

  /** At start: the copies of versions signed before they existed. */
  backfill(log: (message: string) => void): void {
    for (const id of this.d.store.withoutJsonHash()) {
      try {
        this.remember(id);
      } catch (error) {
        log(`signed JSON copy of version ${id} could not be built: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  /** A JSON copy posted to /api/verify: its canonical form is what was handed out, whatever spacing it has now. */
  verifyCopy(parsed: unknown): VerifyResult {
    return this.verifyHash(sha256(canonicalJson(parsed)), true);
  }

  /** A hash that may be a JSON copy's; `always` answers no-match instead of null. */
  verifyHash(hash: string, always: true): VerifyResult;
  verifyHash(hash: string, always?: false): VerifyResult | null;
  verifyHash(hash: string, always = false): VerifyResult | null {
    const versionId = this.d.store.versionByJsonHash(hash);
    const version = versionId ? this.d.versions.get(versionId) : undefined;
    if (!version || version.status !== 'signed') return always ? { match: false, hash } : null;
    return { ...this.d.describe(version.hash), matched: 'json', hash };
  }
}
