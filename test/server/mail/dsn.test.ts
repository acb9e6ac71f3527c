import { describe, expect, it } from 'vitest';
import { readDsn } from '../../../server/mail/dsn';
import { outboxIdOf, verpAddress } from '../../../server/mail/verp';
import { dsnMessage } from './dsnMessage';

const read = (raw: string) => readDsn(Buffer.from(raw));

describe('reading a delivery status notification', () => {
  it('finds a permanent failure, with its status, its unfolded diagnostic and the recipient', async () => {
    const raw = dsnMessage({
      to: 'b@x',
      recipient: 'paul@partner.example',
      action: 'failed',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <paul@partner.example>: user unknown',
    });
    expect(await read(raw)).toEqual({
      kind: 'failed',
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 <paul@partner.example>: user unknown',
      recipient: 'paul@partner.example',
    });
  });

  it('counts a 5.x.x status as permanent, and a delay or a delivery as nothing to tell', async () => {
    expect(await read(dsnMessage({ to: 'b@x', recipient: 'p@q', action: 'delayed', status: '4.4.1', diagnostic: '421 try again later, please' }))).toEqual({
      kind: 'delayed',
    });
    expect(await read(dsnMessage({ to: 'b@x', recipient: 'p@q', action: 'delivered', status: '2.0.0' }))).toEqual({ kind: 'other' });
    // A server that gave up after retrying may report the last transient status: the action says it is over.
    expect(await read(dsnMessage({ to: 'b@x', recipient: 'p@q', action: 'failed', status: '4.4.7' }))).toMatchObject({ kind: 'failed', status: '4.4.7' });
  });

  it('reads anything else as no DSN: an auto-reply, a report of another type, garbage', async () => {
    expect(await read('From: paul@partner.example\r\nSubject: Out of office\r\n\r\nBack on Monday.\r\n')).toBeNull();
    expect(
      await read(
        dsnMessage({ to: 'b@x', recipient: 'p@q', action: 'failed', status: '5.1.1' }).replace(
          'report-type=delivery-status',
          'report-type=disposition-notification',
        ),
      ),
    ).toBeNull();
    expect(await read('\u0000\u00ff\r\n\r\n--x--\r\nContent-Type: multipart/report\r\n')).toBeNull();
    expect(await read('')).toBeNull();
  });
});

describe('VERP addresses', () => {
  it('name the outbox message in a case-proof tag, and nothing else reads as one', () => {
    const address = verpAddress('bounces@example.org', 'aB-_9zQ');
    expect(address).toMatch(/^bounces\+[0-9a-f]+@example\.org$/);
    expect(outboxIdOf('bounces@example.org', address)).toBe('aB-_9zQ');
    expect(outboxIdOf('bounces@example.org', address.toUpperCase())).toBe('aB-_9zQ');
    for (const other of [
      'bounces@example.org',
      'postmaster@example.org',
      address.replace('example.org', 'example.net'),
      'bounces+zz@example.org',
      'bounces+abc@example.org',
      'xbounces+61@example.org',
    ])
      expect(outboxIdOf('bounces@example.org', other)).toBeNull();
  });
});
