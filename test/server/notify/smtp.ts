import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  /** The envelope sender (MAIL FROM: the Return-Path), where bounces go. */
  from: string;
  to: string[];
  mail: ParsedMail;
}

/** A real SMTP server in this process, on a port of its own; it can be stopped and started again on the same port. */
export class TestSmtp {
  readonly received: Received[] = [];
  /** Recipients answered 550 (mailbox unavailable): a permanent failure. */
  readonly refuse = new Set<string>();
  /** While set, a message is answered only once it settles (a slow server): its send stays under way. */
  hold: Promise<void> | null = null;
  /** Messages whose answer is being held. */
  held = 0;
  port = 0;
  private server: SMTPServer | null = null;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (!this.refuse.has(address.address)) return callback();
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
      },
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        simpleParser(stream)
          .then(async (mail) => {
            const hold = this.hold;
            if (hold) {
              this.held++;
              await hold;
              this.held--;
            }
            this.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, mail });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
