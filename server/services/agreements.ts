import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { AgreementDetail, AgreementSummary, CreateAgreementSchema } from '../../shared/api';
import { readAgreement } from '../../shared/render';
import { initAgreementDoc } from '../../shared/schema';
import { findTemplate } from '../../shared/templates';
import type { z } from 'zod';
import type { Db } from '../store/db';
import type { AgreementStore } from '../store/agreements';
import type { DocStore } from '../store/docs';
import type { Rooms } from '../sync/rooms';
import { HttpError, notFound } from '../errors';

export interface AgreementServiceDeps {
  db: Db;
  agreements: AgreementStore;
  docs: DocStore;
  rooms: Rooms;
}

/** Creating and reading agreements. */
export class AgreementService {
  constructor(private readonly deps: AgreementServiceDeps) {}

  create(input: z.output<typeof CreateAgreementSchema>): AgreementDetail {
    const template = findTemplate(input.templateId);
    if (!template) throw new HttpError(400, 'invalid_request', `templateId: unknown template "${input.templateId}"`);
    const id = randomBytes(16).toString('base64url');
    const doc = new Y.Doc();
    initAgreementDoc(doc, { title: input.title, language: input.language, template, parties: input.parties });
    const summary = this.deps.db.transaction(() => {
      const s = this.deps.agreements.insert({ id, title: input.title, language: input.language, templateId: template.id });
      this.deps.docs.append(id, Y.encodeStateAsUpdate(doc));
      return s;
    })();
    const content = readAgreement(doc, template);
    doc.destroy();
    return { ...summary, content };
  }

  list(): AgreementSummary[] {
    return this.deps.agreements.list();
  }

  /** The agreement with its current content: the live doc if loaded, else the stored one. */
  get(id: string): AgreementDetail {
    const summary = this.deps.agreements.get(id);
    if (!summary) throw notFound('agreement');
    const template = findTemplate(summary.templateId);
    if (!template) throw new HttpError(500, 'internal', `agreement ${id} uses an unknown template`);
    const live = this.deps.rooms.loaded(id);
    if (live) return { ...summary, content: readAgreement(live.doc, template) };
    let loaded: Y.Doc;
    try {
      loaded = this.deps.docs.load(id).doc;
    } catch {
      throw new HttpError(409, 'document_unreadable', 'The stored agreement could not be read.');
    }
    try {
      return { ...summary, content: readAgreement(loaded, template) };
    } finally {
      loaded.destroy();
    }
  }
}
