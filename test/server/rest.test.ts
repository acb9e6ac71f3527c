import { describe, expect, it } from 'vitest';
import { api, createAgreement, useTestServer } from './harness';
import { MeSchema } from '../../shared/schemas/participants';

const server = useTestServer();

const owner = { name: 'Odile', email: 'odile@example.org' };
const post = (path: string, body: string): Promise<Response> =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('REST: agreements', () => {
  it('creating an agreement returns 201 with its id, the template sections and the owner link', async () => {
    const res = await post(
      '/api/agreements',
      JSON.stringify({
        title: 'Protocole PAM',
        language: 'fr',
        owner: { ...owner, partyIndex: 1 },
        parties: [{ legalName: 'Syndicat A', address: '1 rue X', mission: 'Représenter' }, { legalName: 'Ministère B' }],
      }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: string;
      ownerLink: string;
      content: { parties: { id: string; legalName: string }[]; sections: Record<string, string> };
    };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.ownerLink).toMatch(/^\/join\/[A-Za-z0-9_-]{43}$/);
    expect(body.content.parties.map((p) => p.legalName)).toEqual(['Syndicat A', 'Ministère B']);
    expect(Object.keys(body.content.sections)).toEqual(expect.arrayContaining(['purpose', 'context', 'duration']));
    // The creator is signed in at once, with an httpOnly cookie for this agreement.
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^entente_${body.id}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await fetch(`${server.url}/api/agreements/${body.id}/me`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(((await me.json()) as { participant: { role: string; name: string; partyId: string } }).participant).toMatchObject({
      role: 'owner',
      name: 'Odile',
      partyId: body.content.parties[1]?.id,
    });
  });

  it("GET /me names the agreement's template, so a page can load it before the document does", async () => {
    const res = await post('/api/agreements', JSON.stringify({ title: 'Partenariat', language: 'fr', templateId: 'partnership', owner }));
    const created = (await res.json()) as { id: string };
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = MeSchema.parse(await (await fetch(`${server.url}/api/agreements/${created.id}/me`, { headers: { cookie } })).json());
    expect(me.templateId).toBe('partnership');
    expect(me.agreementId).toBe(created.id);
  });

  it('lists the agreements this browser has a session for, and opens one', async () => {
    const res = await post('/api/agreements', JSON.stringify({ title: 'Listed one', language: 'en', owner }));
    const created = (await res.json()) as { id: string };
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    await createAgreement(server.url, { title: 'Someone else’s' });
    const list = (await (await fetch(`${server.url}/api/agreements`, { headers: { cookie } })).json()) as { agreements: { id: string; title: string }[] };
    expect(list.agreements.map((a) => a.title)).toEqual(['Listed one']);
    const anonymous = (await (await fetch(`${server.url}/api/agreements`)).json()) as { agreements: unknown[] };
    expect(anonymous.agreements).toEqual([]);
    const one = await fetch(`${server.url}/api/agreements/${created.id}`, { headers: { cookie } });
    expect(one.status).toBe(200);
    expect(((await one.json()) as { content: { title: string } }).content.title).toBe('Listed one');
  });

  it('malformed JSON is a 400 with a JSON error', async () => {
    const res = await post('/api/agreements', '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json', message: expect.any(String) });
  });

  it('invalid fields are a 400 naming the field', async () => {
    const bodies = [
      {},
      { title: '', language: 'fr', owner },
      { title: 'x', language: 'de', owner },
      { title: 'x', language: 'fr', owner, templateId: 'nope' },
      { title: 'x', language: 'fr' },
      { title: 'x', language: 'fr', owner: { name: 'A', email: 'not-an-email' } },
      { title: 'x', language: 'fr', owner: { ...owner, partyIndex: 5 } },
      [],
    ];
    for (const body of bodies) {
      const res = await post('/api/agreements', JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as { error: string; message: string };
      expect(err.error).toBe('invalid_request');
      expect(err.message.length).toBeGreaterThan(0);
    }
  });

  it('unknown and malformed ids are 404s', async () => {
    const { token } = await createAgreement(server.url);
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', '..%2F..%2Fetc', "1' OR '1'='1"]) {
      const res = await api(server.url, token, `/api/agreements/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as { error: string }).error).toBe('not_found');
    }
  });

  it('unknown API routes are JSON 404s', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not_found');
  });

  it('titles with HTML and SQL characters are stored as plain text', async () => {
    const title = `<script>alert(1)</script>'; DROP TABLE agreements; --`;
    const created = await createAgreement(server.url, { title });
    const got = (await (await api(server.url, created.token, `/api/agreements/${created.id}`)).json()) as { title: string };
    expect(got.title).toBe(title);
  });

  it('serves the templates with their bilingual guidance', async () => {
    const res = await fetch(`${server.url}/api/templates`);
    const body = (await res.json()) as { templates: { id: string }[] };
    expect(body.templates.map((t) => t.id)).toContain('mou');
  });
});
