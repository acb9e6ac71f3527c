import { inflateRawSync } from 'node:zlib';
import { HttpError } from '../errors';

/** The largest .docx accepted (the limit). */
export const MAX_DOCX_BYTES = 10 * 1024 * 1024;
/** The most a .docx may hold once unpacked, all parts together: a Word draft is far below; a zip bomb is far above. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 5000;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

const notDocx = (why: string): HttpError => new HttpError(415, 'docx_invalid', `Not a Word .docx file: ${why}.`);

/**
 * Checks an upload is a .docx we can read, before any converter sees it:
 * its size; a password-protected document (Word then writes an OLE compound
 * file with an `EncryptedPackage` stream instead of a zip); a zip with
 * `word/document.xml`; and every part unpacked for real (declared sizes can
 * lie) under a budget, so a zip bomb stops at the budget instead of filling
 * memory. Returns the parts by name, unpacked.
 */
export function unpackDocx(file: Buffer): Map<string, Buffer> {
  if (file.length > MAX_DOCX_BYTES) throw new HttpError(413, 'docx_too_large', `The file is ${file.length} bytes; the limit is 10 MiB.`);
  if (file.subarray(0, 8).equals(CFB_MAGIC)) {
    if (file.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new HttpError(422, 'docx_encrypted', 'The document is protected by a password.');
    throw notDocx('an older Word (.doc) or other compound file');
  }
  if (file.length < 22 || file.readUInt32LE(0) !== ZIP_LOCAL) throw notDocx('not a zip archive');
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || file.readUInt32LE(end) !== ZIP_END) throw notDocx('no zip directory');
  const count = file.readUInt16LE(end + 10);
  if (count > MAX_ENTRIES) throw new HttpError(422, 'docx_bomb', `The archive has ${count} parts.`);
  let at = file.readUInt32LE(end + 16);
  const parts = new Map<string, Buffer>();
  let budget = MAX_UNPACKED_BYTES;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== ZIP_CENTRAL) throw notDocx('a damaged zip directory');
    const method = file.readUInt16LE(at + 10);
    const compressed = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extra = file.readUInt16LE(at + 30);
    const comment = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (local + 30 > file.length || file.readUInt32LE(local) !== ZIP_LOCAL) throw notDocx('a damaged zip entry');
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    const data = file.subarray(start, start + compressed);
    let content: Buffer;
    try {
      if (method === 0) content = Buffer.from(data);
      else if (method === 8) content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      else throw notDocx(`a zip entry packed with method ${method}`);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new HttpError(422, 'docx_bomb', 'The archive unpacks to more than 64 MiB: refused as a zip bomb.');
      throw notDocx('a damaged zip entry');
    }
    budget -= content.length;
    if (budget < 0) throw new HttpError(422, 'docx_bomb', 'The archive unpacks to more than 64 MiB: refused as a zip bomb.');
    parts.set(name, content);
  }
  if (!parts.has('word/document.xml')) throw notDocx('no word/document.xml');
  return parts;
}
