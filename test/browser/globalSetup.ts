import { ensureClientBuilt } from './browserHarness';
import { describeChromium } from './launchChromium';

/**
 * Before any test file runs: builds the client once, so parallel files never build at the
 * same time, and picks Chromium once, so that the npm package's binary (when Debian's is
 * absent) is unpacked by one process rather than by two workers at once.
 */
export default async function setup(): Promise<void> {
  ensureClientBuilt();
  console.log(`Browser tests use Chromium ${await describeChromium()}`);
}
