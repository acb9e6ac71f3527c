import { describe, expect, it } from 'vitest';
import { loadTemplate, TEMPLATE_LOADERS } from '../../client/editor/templates';
import { TEMPLATES } from '../../shared/templates';

describe('templates loaded on demand', () => {
  it('the agreement page can load every template of the catalogue, and only those', async () => {
    expect(Object.keys(TEMPLATE_LOADERS).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
    for (const template of TEMPLATES) expect(await loadTemplate(template.id)).toBe(template);
  });

  it('knows no other id', async () => {
    expect(await loadTemplate('nda')).toBeUndefined();
    expect(await loadTemplate('toString')).toBeUndefined();
    expect(await loadTemplate('')).toBeUndefined();
  });
});
