/**
 * Debian's Chromium, for the tests that open the emulator in a real browser. `.ci/run` installs
 * it, so in CI a missing Chromium fails the run here instead of skipping its tests; locally those
 * tests are skipped, and `npm test` says so once at the start (test/support/global-setup.ts).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (process.env.CI && !hasChromium) {
  throw new Error(`${CHROMIUM} is missing: CI installs it (.ci/run) and runs the browser tests, never skips them`);
}
