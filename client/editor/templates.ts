import { useEffect, useState } from 'react';
import type { AgreementTemplate } from '../../shared/template';

/**
 * The agreement page loads the one template its document uses, in a chunk
 * of its own, as the document opens (GET /me names it; the document's meta
 * `templateId` decides), instead of
 * the whole catalogue (shared/templates/index.ts: every section's words in
 * both languages, each template's questions) in its first load. A template
 * added to the catalogue is added here too (test/client/templates.test.ts
 * checks the two lists are the same).
 */
export const TEMPLATE_LOADERS: Readonly<Record<string, () => Promise<AgreementTemplate>>> = {
  mou: () => import('../../shared/templates/mou').then((m) => m.mouTemplate),
  partnership: () => import('../../shared/templates/partnership').then((m) => m.partnershipTemplate),
  'government-mou': () => import('../../shared/templates/governmentMou').then((m) => m.governmentMouTemplate),
};

const loaded = new Map<string, AgreementTemplate>();

/** The template with this id, or undefined if there is none by that id. */
export async function loadTemplate(id: string): Promise<AgreementTemplate | undefined> {
  const known = loaded.get(id);
  if (known) return known;
  const load = Object.hasOwn(TEMPLATE_LOADERS, id) ? TEMPLATE_LOADERS[id] : undefined;
  if (!load) return undefined;
  const template = await load();
  loaded.set(id, template);
  return template;
}

/** Starts loading a template's chunk ahead of need (an unknown id or a failure is met again by useTemplate). */
export function preloadTemplate(id: string): void {
  loadTemplate(id).catch(() => undefined);
}

export interface TemplateState {
  template: AgreementTemplate | undefined;
  /** No template has this id (an agreement from a newer version), or its chunk could not be loaded. */
  failed: boolean;
}

/** The template of this id, loaded on first use (at once when it was loaded before); '' for none yet. */
export function useTemplate(id: string): TemplateState {
  const [failedId, setFailedId] = useState<string | null>(null);
  const [, setLoadedId] = useState<string | null>(null);
  const template = loaded.get(id);
  useEffect(() => {
    if (!id || loaded.has(id)) return;
    let live = true;
    loadTemplate(id).then(
      (found) => live && (found ? setLoadedId(id) : setFailedId(id)),
      (error: unknown) => {
        console.warn(`entente: the template '${id}' could not be loaded`, error);
        if (live) setFailedId(id);
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  return { template, failed: !template && failedId === id };
}
