import { describe, expect, it } from 'vitest';
import { mailText } from '../../../server/notify/messages';

describe('the renewal review reminder', () => {
  const data = { reminder: 'renewal_review' as const, on: '2028-06-02' };
  const ctx = { title: 'Entente PAM', link: 'https://entente.example/a/abc123' };

  it('tells the owner the choice is made on the agreement’s page, and links to it', () => {
    const en = mailText('en', 'reminder', data, ctx);
    expect(en.subject).toBe('Renewal review on June 2, 2028: “Entente PAM”');
    expect(en.text).toContain('its owner chooses, on the agreement’s page, to renew it or let it expire');
    expect(en.text).toContain('\n\nhttps://entente.example/a/abc123\n');
    const fr = mailText('fr', 'reminder', data, ctx);
    expect(fr.text).toContain('sur la page de l’entente, de la renouveler ou de la laisser prendre fin');
    expect(fr.text).toContain('https://entente.example/a/abc123');
  });
});
