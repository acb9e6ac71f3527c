import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../shared/api';
import { TEMPLATES } from '../../shared/templates';
import { api, createAgreement, invite, useTestServer } from './harness';

describe('templates over REST', () => {
  const server = useTestServer();

  it('GET /api/templates returns every template with its sections in both languages', async () => {
    const res = await fetch(`${server.url}/api/templates`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { templates: { id: string; name: { fr: string; en: string }; sections: { key: string }[] }[] };
    expect(body.templates.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const partnership = body.templates.find((t) => t.id === 'partnership');
    expect(partnership?.name).toEqual({ fr: 'Accord de partenariat', en: 'Partnership agreement' });
    expect(partnership?.sections.map((s) => s.key)).toContain('budget');
  });

  it.each(TEMPLATES.map((t) => [t.id] as const))('creates an agreement from the %s template', async (templateId) => {
    const a = await createAgreement(server.url, { templateId, language: 'en', parties: [{ legalName: 'Alpha' }, { legalName: 'Beta' }] });
    expect(a.templateId).toBe(templateId);
    expect(a.content.templateId).toBe(templateId);
    expect(a.content.parties.map((p) => p.legalName)).toEqual(['Alpha', 'Beta']);
    const status = (await (await api(server.url, a.token, `/api/agreements/${a.id}/status`)).json()) as StatusView;
    expect(status.checklist.some((c) => c.key === 'legalReview')).toBe(templateId === 'partnership');
  });

  it('refuses an unknown template and creates nothing', async () => {
    const res = await fetch(`${server.url}/api/agreements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'X', language: 'fr', templateId: 'nope', owner: { name: 'O', email: 'o@example.org' } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });
});

describe('the lawyer’s review of a partnership agreement', () => {
  const server = useTestServer();
  const review = (token: string, id: string, body: unknown) => api(server.url, token, `/api/agreements/${id}/legal-review`, { method: 'POST', body });

  it('the owner records who reviewed it and when; the checklist line turns green and the audit log keeps it', async () => {
    const a = await createAgreement(server.url, { templateId: 'partnership' });
    const res = await review(a.token, a.id, { reviewer: 'Me Julie Gagnon, avocate', reviewedOn: '2026-11-30' });
    expect(res.status).toBe(201);
    const status = (await res.json()) as StatusView;
    expect(status.legalReview).toMatchObject({ reviewer: 'Me Julie Gagnon, avocate', reviewedOn: '2026-11-30' });
    expect(status.checklist.find((c) => c.key === 'legalReview')).toEqual({ key: 'legalReview', ok: true, missing: [] });
    const audit = (await (await api(server.url, a.token, `/api/agreements/${a.id}/audit`)).json()) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toContain('legal_review_recorded');
  });

  it('refuses anyone but the owner, a missing name, a malformed or future date', async () => {
    const a = await createAgreement(server.url, { templateId: 'partnership' });
    const editor = await invite(server.url, a, { role: 'editor' });
    expect((await review(editor.token, a.id, { reviewer: 'X', reviewedOn: '2026-11-30' })).status).toBe(403);
    expect((await review(a.token, a.id, { reviewer: ' ', reviewedOn: '2026-11-30' })).status).toBe(400);
    expect((await review(a.token, a.id, { reviewer: 'X', reviewedOn: '30/11/2026' })).status).toBe(400);
    expect((await review(a.token, a.id, { reviewer: 'X', reviewedOn: '2999-01-01' })).status).toBe(400);
    expect((await review(a.token, a.id, 'not json')).status).toBe(400);
    const status = (await (await api(server.url, a.token, `/api/agreements/${a.id}/status`)).json()) as StatusView;
    expect(status.legalReview).toBeNull();
    expect(status.checklist.find((c) => c.key === 'legalReview')?.ok).toBe(false);
  });
});
