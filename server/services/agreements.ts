import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { z } from 'zod';
import type { AgreementDetail, AgreementSummary, CreateAgreementSchema, CreatedAgreement } from '../../shared/api';
import { readAgreement } from '../../shared/render';
import { initAgreementDoc, newId } from '../../shared/schema';
import { findTemplate } from '../../shared/templates';
import type { Authenticator } from '../auth/sessions';
import { HttpError, notFound } from '../errors';
import type { AgreementStore } from '../store/agreements';
import type { Db } from '../store/db';
import type { DocStore } from '../store/docs';
import type { Rooms } from '../sync/rooms';
import type { AuditLog } from '../store/audit';
import type { PartyStore } from '../store/parties';
import { linkOf, type ParticipantService } from './participants';

export interface AgreementServiceDeps {
  db: Db;
  agreements: AgreementStore;
  docs: DocStore;
  rooms: Rooms;
  participants: ParticipantService;
  parties: PartyStore;
  auth: Authenticator;
  audit: AuditLog;
  /** After the agreement is stored (the drafting history records its first version). */
  afterCreate?: (agreementId: string, ownerId: string) => void;
}

/** Creating and reading agreements. */
export class AgreementService {
  constructor(private readonly deps: AgreementServiceDeps) {}

  /**
   * Creates the agreement and its owner, and opens the owner's session.
   * `fill` writes more into the new document (a Word draft's text, see server/import/).
   */
  create(input: z.output<typeof CreateAgreementSchema>, fill?: (doc: Y.Doc) => void): { created: CreatedAgreement; sessionToken: string } {
    const template = findTemplate(input.templateId);
    if (!template) throw new HttpError(400, 'invalid_request', `templateId: unknown template "${input.templateId}"`);
    const owner = input.owner;
    const id = randomBytes(16).toString('base64url');
    const doc = new Y.Doc();
    try {
      const parties = [...input.parties];
      while (parties.length < template.minParties) parties.push({ legalName: '', address: '', mission: '' });
      const withIds = parties.map((p) => ({ ...p, id: newId() }));
      initAgreementDoc(doc, { title: input.title, language: input.language, template, parties: withIds });
      if (fill) doc.transact(() => fill(doc));
      const ownerParty = withIds[owner.partyIndex]?.id;
      if (ownerParty === undefined) {
        throw new HttpError(400, 'invalid_request', `owner.partyIndex: there are only ${withIds.length} parties`);
      }
      const result = this.deps.db.transaction(() => {
        const summary = this.deps.agreements.insert({ id, title: input.title, language: input.language, templateId: template.id });
        for (const p of withIds) this.deps.parties.add(id, p.id);
        this.deps.docs.append(id, Y.encodeStateAsUpdate(doc));
        const participant = this.deps.participants.createOwner(id, { name: owner.name, email: owner.email, partyId: ownerParty });
        const sessionToken = this.deps.auth.sessionFor(participant);
        this.deps.audit.append(id, participant.id, 'created', { title: input.title, language: input.language, templateId: template.id, owner: owner.name });
        const created = { ...summary, content: readAgreement(doc, template), ownerLink: linkOf(participant.token) };
        return { created, sessionToken, ownerId: participant.id };
      })();
      this.deps.afterCreate?.(id, result.ownerId);
      return { created: result.created, sessionToken: result.sessionToken };
    } finally {
      doc.destroy();
    }
  }

  listFor(ids: readonly string[]): AgreementSummary[] {
    const wanted = new Set(ids);
    return this.deps.agreements.list().filter((a) => wanted.has(a.id));
  }

  /** The agreement with its current content: the live doc if loaded, else the stored one. */
  get(id: string): AgreementDetail {
    const summary = this.deps.agreements.get(id);
    if (!summary) throw notFound('agreement');
    const template = findTemplate(summary.templateId);
    if (!template) throw new HttpError(500, 'internal', `agreement ${id} uses an unknown template`);
    let content;
    try {
      content = this.deps.rooms.read(id, (doc) => readAgreement(doc, template));
    } catch {
      throw new HttpError(409, 'document_unreadable', 'The stored agreement could not be read.');
    }
    return { ...summary, content };
  }
}
