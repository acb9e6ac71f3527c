import type { Comparison } from '../../shared/historySchemas';
import type { AgreementTemplate } from '../../shared/template';
import { exportWords } from '../export/labels';
import { redlineBlocks, type RedlineBlock } from '../export/redline';
import { redlineDocx } from '../export/redlineDocx';
import { redlinePdf } from '../export/redlinePdf';
import type { AgreementStore } from '../store/agreements';
import type { HistoryCompare } from './historyCompare';

export interface RedlineDeps {
  compare: HistoryCompare;
  agreements: AgreementStore;
  templateOf: (agreementId: string) => AgreementTemplate;
  /** When an agreement's version in force was signed, if it is. */
  signedAt: (agreementId: string) => string | null;
}

export interface RedlineFile {
  bytes: Buffer;
  name: string;
}

/** What an amendment (or a renewal) changes: the comparison, and the agreement whose signed text it starts from. */
export interface LinkedChanges {
  cmp: Comparison;
  basisId: string;
  kind: 'amendment' | 'renewal';
}

interface Redline {
  blocks: RedlineBlock[];
  language: string;
  name: string;
  createdAt: string;
}

/**
 * A comparison as a file to send to a legal office: PDF or DOCX, in the
 * agreement's language, insertions underlined and deletions struck through,
 * headed with both versions' names, dates and fingerprints.
 */
export class HistoryRedline {
  constructor(private readonly d: RedlineDeps) {}

  pdf(agreementId: string, from: string, to: string): Promise<RedlineFile> {
    return this.toPdf(this.blocks(agreementId, from, to));
  }

  docx(agreementId: string, from: string, to: string): Promise<RedlineFile> {
    return this.toDocx(this.blocks(agreementId, from, to));
  }

  /**
   * What an amendment changes as a redline, headed with the agreement it
   * starts from (the original, or the amendment last signed before it) and
   * the amendment, each named above its version's date and fingerprint.
   */
  linkedPdf(agreementId: string, changes: LinkedChanges): Promise<RedlineFile> {
    return this.toPdf(this.linkedBlocks(agreementId, changes));
  }

  linkedDocx(agreementId: string, changes: LinkedChanges): Promise<RedlineFile> {
    return this.toDocx(this.linkedBlocks(agreementId, changes));
  }

  private async toPdf(r: Redline): Promise<RedlineFile> {
    return { bytes: await redlinePdf(r.blocks, r.language, r.createdAt), name: `${r.name}.pdf` };
  }

  private async toDocx(r: Redline): Promise<RedlineFile> {
    return { bytes: await redlineDocx(r.blocks, r.language), name: `${r.name}.docx` };
  }

  private blocks(agreementId: string, from: string, to: string): Redline {
    const cmp = this.d.compare.compare(agreementId, from, to);
    const agreement = this.d.agreements.get(agreementId);
    const language = agreement?.language ?? 'fr';
    const blocks = redlineBlocks(cmp, this.d.templateOf(agreementId), language, agreement?.title ?? '');
    return { blocks, language, createdAt: cmp.to.createdAt, name: `redline-${agreementId}-${side(cmp.from)}-${side(cmp.to)}` };
  }

  private linkedBlocks(agreementId: string, { cmp, basisId, kind }: LinkedChanges): Redline {
    const agreement = this.d.agreements.get(agreementId);
    const language = agreement?.language ?? 'fr';
    const { t, dateTime } = exportWords(language);
    const title = agreement?.title ?? '';
    const named = (id: string, name: string): string[] => {
      const signedAt = this.d.signedAt(id);
      return signedAt ? [name, t('export.signedOn', { date: dateTime(signedAt) })] : [name];
    };
    const heading = {
      note: t(kind === 'renewal' ? 'export.renewalRedlineTitle' : 'export.amendmentRedlineTitle'),
      fromLines: named(basisId, this.d.agreements.get(basisId)?.title ?? ''),
      toLines: cmp.to.id === 'current' ? named(agreementId, title) : [title],
    };
    const blocks = redlineBlocks(cmp, this.d.templateOf(agreementId), language, title, heading);
    return { blocks, language, createdAt: cmp.to.createdAt, name: `redline-${kind}-${agreementId}-${side(cmp.to)}` };
  }
}

const side = (s: { number: number | null }): string => (s.number === null ? 'current' : `v${s.number}`);
