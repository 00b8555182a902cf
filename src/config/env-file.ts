/**
 * The process environment merged over a `.env` file, read with Node's own parser
 * (`util.parseEnv`: `KEY=value`, quotes, `#` comments, `export KEY=…`, multi-line quoted values).
 * Real environment variables win over the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function readEnv(path = '.env', env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const fromFile = existsSync(path) ? parseEnv(readFileSync(path, 'utf8')) : {};
  return { ...fromFile, ...env };
}
