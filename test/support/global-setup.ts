/**
 * Said once, before any test runs: which database variants and browser tests this run covers,
 * so a run without PostgreSQL or Chromium is never mistaken for a full one.
 */
import { CHROMIUM, hasChromium } from './chromium.ts';

export default function setup(): void {
  const databases = process.env.TEST_DATABASE_URL
    ? 'PGlite and PostgreSQL (TEST_DATABASE_URL)'
    : 'PGlite only (set TEST_DATABASE_URL=postgres://… for the PostgreSQL variants and the two-instance test)';
  const browser = hasChromium ? `Chromium (${CHROMIUM})` : `skipped (no ${CHROMIUM})`;
  console.log(`test variants: databases ${databases}; browser tests ${browser}`);
}
