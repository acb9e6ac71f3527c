import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../shared/api';
import { api, createAgreement, invite, useTestServer } from '../harness';

describe('the default mode for everyone', () => {
  const server = useTestServer();
  const put = (token: string, id: string, body: unknown) => api(server.url, token, `/api/agreements/${id}/default-mode`, { method: 'PUT', body });
  const status = async (token: string, id: string) => (await (await api(server.url, token, `/api/agreements/${id}/status`)).json()) as StatusView;

  it('is Editing until the owner sets Suggesting; every participant reads it in the status and the audit log keeps the decision once', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor' });
    expect((await status(editor.token, a.id)).defaultMode).toBe('editing');
    const res = await put(a.token, a.id, { mode: 'suggesting' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as StatusView).defaultMode).toBe('suggesting');
    expect((await put(a.token, a.id, { mode: 'suggesting' })).status).toBe(200);
    expect((await status(editor.token, a.id)).defaultMode).toBe('suggesting');
    const audit = (await (await api(server.url, a.token, `/api/agreements/${a.id}/audit`)).json()) as {
      entries: { action: string; details: { mode?: string } }[];
    };
    expect(audit.entries.filter((e) => e.action === 'default_mode_set').map((e) => e.details.mode)).toEqual(['suggesting']);
  });

  it('refuses anyone but the owner and anything but the two modes', async () => {
    const a = await createAgreement(server.url);
    const editor = await invite(server.url, a, { role: 'editor' });
    const forbidden = await put(editor.token, a.id, { mode: 'suggesting' });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: string }).error).toBeTruthy();
    expect((await put(a.token, a.id, { mode: 'tracking' })).status).toBe(400);
    expect((await put(a.token, a.id, { mode: 'suggesting', extra: 1 })).status).toBe(400);
    expect((await put(a.token, a.id, 'not json')).status).toBe(400);
    expect((await status(a.token, a.id)).defaultMode).toBe('editing');
  });
});
