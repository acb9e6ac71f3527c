import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const post = (path: string, body: string): Promise<Response> =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('REST: agreements', () => {
  it('creating an agreement returns 201 with its id and the template sections', async () => {
    const res = await post('/api/agreements', JSON.stringify({
      title: 'Protocole PAM',
      language: 'fr',
      parties: [{ legalName: 'Syndicat A', address: '1 rue X', mission: 'Représenter' }, { legalName: 'Ministère B' }],
    }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; content: { parties: { legalName: string }[]; sections: Record<string, string> } };
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.content.parties.map((p) => p.legalName)).toEqual(['Syndicat A', 'Ministère B']);
    expect(Object.keys(body.content.sections)).toEqual(expect.arrayContaining(['purpose', 'context', 'duration']));
  });

  it('lists and opens agreements', async () => {
    const created = await createAgreement(server.url, { title: 'Listed one', language: 'en' });
    const list = (await (await fetch(`${server.url}/api/agreements`)).json()) as { agreements: { id: string; title: string }[] };
    expect(list.agreements.find((a) => a.id === created.id)?.title).toBe('Listed one');
    const res = await fetch(`${server.url}/api/agreements/${created.id}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { content: { title: string } }).content.title).toBe('Listed one');
  });

  it('malformed JSON is a 400 with a JSON error', async () => {
    const res = await post('/api/agreements', '{"title": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_json', message: expect.any(String) });
  });

  it('invalid fields are a 400 naming the field', async () => {
    for (const body of [{}, { title: '', language: 'fr' }, { title: 'x', language: 'de' }, { title: 'x', language: 'fr', templateId: 'nope' }, []]) {
      const res = await post('/api/agreements', JSON.stringify(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      const err = (await res.json()) as { error: string; message: string };
      expect(err.error).toBe('invalid_request');
      expect(err.message.length).toBeGreaterThan(0);
    }
  });

  it('unknown and malformed ids are 404s', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', 'nope', '..%2F..%2Fetc', "1' OR '1'='1"]) {
      const res = await fetch(`${server.url}/api/agreements/${encodeURIComponent(id)}`);
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
    const got = (await (await fetch(`${server.url}/api/agreements/${created.id}`)).json()) as { title: string };
    expect(got.title).toBe(title);
  });

  it('serves the templates with their bilingual guidance', async () => {
    const res = await fetch(`${server.url}/api/templates`);
    const body = (await res.json()) as { templates: { id: string; sections: { guidance: { fr: string; en: string } }[] }[] };
    expect(body.templates.map((t) => t.id)).toContain('mou');
  });
});
