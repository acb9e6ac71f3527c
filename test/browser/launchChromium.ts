import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import packagedChromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/**
 * The one place that picks and launches the headless Chromium for tests and benchmarks.
 * Never downloads a browser: it uses Debian's /usr/bin/chromium when it is there (the full
 * browser, kept current by apt, closest to what people run), otherwise the headless Chromium
 * that the npm package @sparticuz/chromium ships, so that `npm ci && npm test` needs nothing
 * but Node.
 *
 * ENTENTE_CHROMIUM chooses instead: `package` for the npm one even when Debian's is installed,
 * or the path of a Chromium binary.
 */

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags every launch gets: no sandbox (tests run as root), no GPU, and no traffic of its own. */
const OUR_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The package's recommended flags, tuned for AWS Lambda, less those that would make tests
 * unlike a person's browser: the ones that switch off the web's security rules (same-origin
 * policy, mixed content, site isolation), and --single-process, which Lambda's sandbox needs
 * but which makes a second browser context in the same browser never render here. What is
 * kept (SwiftShader, no zygote, headless shell) is what the package's build needs.
 */
const LEFT_OUT = ['--single-process', '--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials'];

export interface ChromiumChoice {
  source: 'system' | 'package' | 'path';
  executablePath: string;
  args: string[];
  env?: Record<string, string | undefined>;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The package reuses whatever /tmp/chromium it finds, even one unpacked by another version of
 * the package: remove that one (and the graphics libraries unpacked beside it) so that the
 * binary that runs is the one package-lock.json names.
 */
function dropStaleUnpack(): void {
  const unpacked = join(tmpdir(), 'chromium');
  if (!existsSync(unpacked)) return;
  const root = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const running = execFileSync(unpacked, ['--version'], { encoding: 'utf8' }).trim();
  if (running.startsWith(`Chromium ${version.split('.')[0]}.`)) return;
  for (const name of ['chromium', 'libEGL.so', 'libGLESv2.so', 'libvk_swiftshader.so', 'vk_swiftshader_icd.json']) {
    rmSync(join(tmpdir(), name), { force: true });
  }
}

/**
 * Which Chromium to launch. The package's binary is unpacked once into the OS temp dir
 * (/tmp/chromium, about 2 s) and reused after that: call this once before starting parallel
 * workers (test/browser/globalSetup.ts does) so that two never unpack it at the same time.
 */
export async function chooseChromium(): Promise<ChromiumChoice> {
  const wanted = process.env.ENTENTE_CHROMIUM;
  if (wanted && wanted !== 'package') {
    if (!isExecutable(wanted)) throw new Error(`ENTENTE_CHROMIUM=${wanted} is not an executable file`);
    return { source: 'path', executablePath: wanted, args: OUR_ARGS };
  }
  if (wanted !== 'package' && isExecutable(SYSTEM_CHROMIUM)) return { source: 'system', executablePath: SYSTEM_CHROMIUM, args: OUR_ARGS };
  const packageArgs = packagedChromium.args.filter((arg) => !LEFT_OUT.includes(arg) && !OUR_ARGS.includes(arg));
  dropStaleUnpack();
  const executablePath = await packagedChromium.executablePath();
  // A machine with Node alone may have no fontconfig setup at all: then use the fonts the package unpacked beside the binary.
  const env = existsSync('/etc/fonts/fonts.conf') ? undefined : { ...process.env, FONTCONFIG_PATH: join(tmpdir(), 'fonts') };
  return { source: 'package', executablePath, args: [...packageArgs, ...OUR_ARGS], env };
}

/** Launches the chosen Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: choice.args, env: choice.env });
}

/** One line for logs: which Chromium the tests use. */
export async function describeChromium(): Promise<string> {
  const choice = await chooseChromium();
  return `${choice.executablePath} (${choice.source === 'package' ? 'from @sparticuz/chromium' : choice.source === 'system' ? "Debian's" : 'ENTENTE_CHROMIUM'})`;
}
