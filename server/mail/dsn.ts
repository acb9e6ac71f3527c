import { simpleParser, type StructuredHeader } from 'mailparser';

/** What a delivery status notification (RFC 3464) says of the message it reports on. */
export type DsnVerdict =
  /** Given up for good by a mail server after it had accepted the message. */
  | { kind: 'failed'; status: string; diagnostic: string; recipient: string }
  /** Not delivered yet, still being tried (4.x.x): nothing to tell. */
  | { kind: 'delayed' }
  /** Delivered, relayed or expanded: nothing to tell either. */
  | { kind: 'other' };

// RFC 6533's global (UTF-8) variants read the same.
const REPORT_TYPES = new Set(['delivery-status', 'global-delivery-status']);
const REPORT_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);

/**
 * Reads a bounce: a `multipart/report; report-type=delivery-status` message
 * whose `message/delivery-status` part holds one block of fields per
 * recipient. Null for anything else (an auto-reply, a bounce in a server's
 * own prose, garbage): those are not read for meaning, so they change nothing.
 */
export async function readDsn(message: Buffer): Promise<DsnVerdict | null> {
  // keepDeliveryStatus: by default mailparser folds that part into the text.
  const mail = await simpleParser(message, { keepDeliveryStatus: true });
  // mailparser gives Content-Type as a StructuredHeader, { value, params }.
  const type = mail.headers.get('content-type') as StructuredHeader | undefined;
  if (type?.value.toLowerCase() !== 'multipart/report' || !REPORT_TYPES.has((type.params['report-type'] ?? '').toLowerCase())) return null;
  const report = mail.attachments.find((a) => REPORT_PARTS.has(a.contentType.toLowerCase()));
  if (!report) return null;
  // The per-message block (Reporting-MTA…) comes first; the recipients' blocks are those with an action.
  const recipients = fieldBlocks(report.content.toString('utf8')).filter((b) => b.has('action'));
  let delayed = false;
  for (const fields of recipients) {
    const action = (fields.get('action') ?? '').toLowerCase();
    const status = /^\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? '';
    // A server that gave up after retrying may report a 4.x.x status: the action says it is over.
    if (action === 'failed' || (status.startsWith('5.') && action !== 'delivered' && action !== 'relayed' && action !== 'expanded')) {
      const recipient = (fields.get('final-recipient') ?? fields.get('original-recipient') ?? '').replace(/^[^;]*;\s*/, '');
      return { kind: 'failed', status: status || '5.0.0', diagnostic: fields.get('diagnostic-code') ?? '', recipient };
    }
    if (action === 'delayed' || status.startsWith('4.')) delayed = true;
  }
  return delayed ? { kind: 'delayed' } : { kind: 'other' };
}

/** The blocks of `Name: value` fields (folded lines unfolded), separated by blank lines; names in lower case. */
function fieldBlocks(text: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  let last = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (/^[ \t]/.test(line) && current && last) {
      current.set(last, `${current.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    if (!current) blocks.push((current = new Map()));
    last = line.slice(0, colon).trim().toLowerCase();
    if (!current.has(last)) current.set(last, line.slice(colon + 1).trim());
  }
  return blocks;
}
