/**
 * VERP (variable envelope return path): each message goes out with an
 * envelope sender of its own, `bounces+<tag>@domain` under `BOUNCE_ADDRESS`,
 * so a bounce sent back to it says which outbox message failed. The tag is
 * the outbox id in lower-case hex: ids are base64url (case matters) and mail
 * servers may change the case of a local part.
 */
export function verpAddress(bounceAddress: string, outboxId: string): string {
  const { local, domain } = split(bounceAddress);
  return `${local}+${Buffer.from(outboxId, 'utf8').toString('hex')}@${domain}`;
}

/** The outbox id a recipient address names under `bounceAddress`, or null if it names none (any other address). */
export function outboxIdOf(bounceAddress: string, recipient: string): string | null {
  const ours = split(bounceAddress.toLowerCase());
  const theirs = split(recipient.toLowerCase());
  if (theirs.domain !== ours.domain || !theirs.local.startsWith(`${ours.local}+`)) return null;
  const tag = theirs.local.slice(ours.local.length + 1);
  if (!/^(?:[0-9a-f]{2}){1,64}$/.test(tag)) return null;
  return Buffer.from(tag, 'hex').toString('utf8');
}

function split(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf('@');
  return at < 0 ? { local: address, domain: '' } : { local: address.slice(0, at), domain: address.slice(at + 1) };
}
