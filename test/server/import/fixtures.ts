import { deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A French MOU draft as partners send them, written by the `docx` package (a real .docx, as Word reads it). */
export function frenchDraft(): Promise<Buffer> {
  const h = (text: string, level = HeadingLevel.HEADING_1) => new Paragraph({ heading: level, children: [new TextRun(text)] });
  const p = (...runs: TextRun[]) => new Paragraph({ children: runs });
  const bullet = (text: string) => new Paragraph({ numbering: { reference: 'puces', level: 0 }, children: [new TextRun(text)] });
  return Packer.toBuffer(
    new Document({
      numbering: { config: [{ reference: 'puces', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('Protocole d’entente — ébauche')] }),
            p(new TextRun('Version de travail du 3 mars.')),
            h('1. But'),
            p(
              new TextRun('Collaborer aux services d’emploi pour '),
              new TextRun({ text: 'améliorer les résultats', bold: true }),
              new TextRun(' des demandeurs d’emploi.'),
            ),
            h('Article 2 – Contexte'),
            p(new TextRun({ text: 'Les deux agences servent la même région.', italics: true })),
            h('Durée de l’entente'),
            p(new TextRun('Deux ans à compter de la dernière signature.')),
            bullet('Rencontre six mois avant l’échéance'),
            bullet('Préavis de 60 jours'),
            h('Annexe Z — Calendrier des ateliers'),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ children: [p(new TextRun('Atelier'))] }), new TableCell({ children: [p(new TextRun('Date'))] })] }),
                new TableRow({ children: [new TableCell({ children: [p(new TextRun('Accueil'))] }), new TableCell({ children: [p(new TextRun('Avril'))] })] }),
              ],
            }),
            h('Signataires'),
            p(new TextRun('Directrice, Agence A')),
          ],
        },
      ],
    }),
  );
}

/** An English draft: headings under their usual English names. */
export function englishDraft(): Promise<Buffer> {
  const h = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            h('Objectives'),
            p('Deliver 12 workshops.'),
            h('Dispute resolution'),
            p('Talk first, then mediate.'),
            h('In witness whereof'),
            p('Signed.'),
          ],
        },
      ],
    }),
  );
}

/** A zip archive of the given entries (deflated), as any zip writer makes it. */
export function zipOf(entries: Record<string, Buffer>, { store = false }: { store?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = store ? content : deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(store ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/**
 * What Word writes for a password-protected document: an OLE compound file
 * (magic D0 CF 11 E0) whose directory names the EncryptionInfo and
 * EncryptedPackage streams (MS-OFFCRYPTO), here with a minimal directory.
 */
export function passwordProtected(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const entry = (name: string, type: number): Buffer => {
    const e = Buffer.alloc(128);
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(e);
    e.writeUInt16LE(n.length, 64);
    e.writeUInt8(type, 66);
    return e;
  };
  return Buffer.concat([header, entry('Root Entry', 5), entry('EncryptionInfo', 2), entry('EncryptedPackage', 2), Buffer.alloc(128)]);
}
