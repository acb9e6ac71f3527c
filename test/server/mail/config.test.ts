import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';

describe('bounce settings', () => {
  it('are off unless set, and the listener needs the address it takes bounces for', () => {
    const unset = loadConfig({});
    expect([unset.BOUNCE_ADDRESS, unset.BOUNCE_SMTP_PORT]).toEqual([undefined, undefined]);
    expect(loadConfig({ BOUNCE_ADDRESS: 'bounces@example.org', BOUNCE_SMTP_PORT: '2525' })).toMatchObject({
      BOUNCE_ADDRESS: 'bounces@example.org',
      BOUNCE_SMTP_PORT: 2525,
    });
    expect(() => loadConfig({ BOUNCE_SMTP_PORT: '2525' })).toThrow(/BOUNCE_SMTP_PORT: needs BOUNCE_ADDRESS/);
    expect(() => loadConfig({ BOUNCE_ADDRESS: 'not an address' })).toThrow(/BOUNCE_ADDRESS: an e-mail address/);
  });
});
