import { ensureClientBuilt } from './browserHarness';

/** Builds the client once before any test file runs, so parallel files never build at the same time. */
export default function setup(): void {
  ensureClientBuilt();
}
