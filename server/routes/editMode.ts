import { Hono } from 'hono';
import { DefaultModeInputSchema } from '../../shared/editMode';
import { authorize } from '../auth/policy';
import type { LifecycleService } from '../signing/lifecycle';
import { setDefaultMode, type EditModeDeps } from '../signing/editMode';
import type { AuthEnv } from './access';
import { readBody } from './validate';

/** Mounted under /api/agreements/:id: the owner sets everyone's default mode (Editing or Suggesting); the answer is the new status. */
export function editModeRoutes(d: EditModeDeps, lifecycle: LifecycleService): Hono<AuthEnv> {
  return new Hono<AuthEnv>().put('/default-mode', async (c) => {
    const { mode } = await readBody(c, DefaultModeInputSchema);
    authorize(c.var.participant, 'manage');
    setDefaultMode(d, c.var.participant, mode);
    return c.json(lifecycle.status(c.var.agreementId));
  });
}
