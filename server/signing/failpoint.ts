/**
 * Test-only. `ENTENTE_FAILPOINT=before-complete` makes the process hold
 * forever once the last signature is stored and before the agreement is
 * completed, so a test can SIGKILL it exactly in that window and check that
 * the next start finishes the completion. Unset (always, outside tests) it
 * does nothing.
 */
export type Failpoint = 'before-complete';

export async function failpoint(name: Failpoint, log: (message: string) => void): Promise<void> {
  if (process.env.ENTENTE_FAILPOINT !== name) return;
  log(`failpoint ${name} reached: holding forever`);
  await new Promise<never>(() => undefined);
}
