import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { readDsn } from './dsn';
import { outboxIdOf } from './verp';

/** A bounce with its DSN may carry the whole message back (the signed PDF): room for that, and no more. */
export const MAX_BOUNCE_BYTES = 5 * 1024 * 1024;

export interface BounceDeps {
  /** `BOUNCE_ADDRESS`: only `<local>+<tag>@<domain>` under it is accepted. */
  bounceAddress: string;
  /** Whether the outbox holds this message (an address naming none is refused). */
  known: (outboxId: string) => boolean;
  /** A mail server gave the message up for good: the outbox marks it failed. */
  bounced: (outboxId: string, error: string) => void;
  log: (message: string) => void;
}

const smtpError = (code: number, message: string): Error => Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound SMTP listener for bounces (`BOUNCE_SMTP_PORT`): operators point
 * the MX of the bounce domain, or a forwarding rule, at it. It takes mail for
 * the VERP addresses of outbox messages only (anything else: 550), reads each
 * one as a delivery status notification (server/mail/dsn.ts) and marks the
 * message failed on a permanent failure; a delay, an auto-reply or anything
 * unreadable is accepted and changes nothing, so the sending server does not
 * bounce the bounce. No AUTH, no STARTTLS: it relays nothing and sends nothing.
 */
export class BounceListener {
  private server: SMTPServer | null = null;

  constructor(private readonly d: BounceDeps) {}

  async listen(port: number, host: string): Promise<number> {
    const server = new SMTPServer({
      name: this.d.bounceAddress.slice(this.d.bounceAddress.lastIndexOf('@') + 1),
      banner: 'Entente bounces',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_BOUNCE_BYTES,
      maxClients: 20,
      socketTimeout: 60_000,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const id = outboxIdOf(this.d.bounceAddress, address.address);
        if (id === null || !this.d.known(id)) return callback(smtpError(550, 'No such mailbox here: this server takes bounces of its own messages only'));
        callback();
      },
      onData: (stream, session, callback) =>
        this.receive(
          stream,
          session.envelope.rcptTo.map((r) => r.address),
        ).then(
          () => callback(),
          (error: Error) => callback(error),
        ),
    });
    // smtp-server answers protocol garbage itself; a socket error must not reach the process.
    server.on('error', (error) => this.d.log(`bounces: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return (server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, recipients: string[]): Promise<void> {
    // Read to the end whatever comes (the socket must be drained), keeping no more than the cap.
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes <= MAX_BOUNCE_BYTES) chunks.push(chunk);
    }
    if (stream.sizeExceeded || bytes > MAX_BOUNCE_BYTES) throw smtpError(552, `Message exceeds the ${MAX_BOUNCE_BYTES} bytes allowed`);
    let verdict: Awaited<ReturnType<typeof readDsn>> = null;
    try {
      verdict = await readDsn(Buffer.concat(chunks));
    } catch (error) {
      this.d.log(`bounces: a message to ${recipients.join(', ')} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (verdict?.kind !== 'failed') {
      this.d.log(`bounces: a message to ${recipients.join(', ')} that reports no permanent failure (${verdict?.kind ?? 'not a DSN'}): ignored`);
      return;
    }
    const error = `${verdict.status} ${verdict.diagnostic || 'delivery failed'}`.trim();
    for (const address of recipients) {
      const id = outboxIdOf(this.d.bounceAddress, address);
      if (id !== null) this.d.bounced(id, error);
    }
  }
}
