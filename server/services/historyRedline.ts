import type { AgreementTemplate } from '../../shared/template';
import { redlineBlocks } from '../export/redline';
import { redlineDocx } from '../export/redlineDocx';
import { redlinePdf } from '../export/redlinePdf';
import type { AgreementStore } from '../store/agreements';
import type { HistoryCompare } from './historyCompare';

export interface RedlineDeps {
  compare: HistoryCompare;
  agreements: AgreementStore;
  templateOf: (agreementId: string) => AgreementTemplate;
}

export interface RedlineFile {
  bytes: Buffer;
  name: string;
}

/**
 * A comparison as a file to send to a legal office: PDF or DOCX, in the
 * agreement's language, insertions underlined and deletions struck through,
 * headed with both versions' names, dates and fingerprints.
 */
export class HistoryRedline {
  constructor(private readonly d: RedlineDeps) {}

  async pdf(agreementId: string, from: string, to: string): Promise<RedlineFile> {
    const { blocks, language, name, createdAt } = this.blocks(agreementId, from, to);
    return { bytes: await redlinePdf(blocks, language, createdAt), name: `${name}.pdf` };
  }

  async docx(agreementId: string, from: string, to: string): Promise<RedlineFile> {
    const { blocks, language, name } = this.blocks(agreementId, from, to);
    return { bytes: await redlineDocx(blocks, language), name: `${name}.docx` };
  }

  private blocks(agreementId: string, from: string, to: string) {
    const cmp = this.d.compare.compare(agreementId, from, to);
    const agreement = this.d.agreements.get(agreementId);
    const language = agreement?.language ?? 'fr';
    const blocks = redlineBlocks(cmp, this.d.templateOf(agreementId), language, agreement?.title ?? '');
    const n = (s: { number: number | null }): string => (s.number === null ? 'current' : `v${s.number}`);
    return { blocks, language, createdAt: cmp.to.createdAt, name: `redline-${agreementId}-${n(cmp.from)}-${n(cmp.to)}` };
  }
}
