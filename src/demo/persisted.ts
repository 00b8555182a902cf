/**
 * Small files for the demo's stand-ins in DATA_DIR, so a restarted demo carries on where it
 * stopped (DESIGN §5): written whole to a temporary file and renamed, so a crash mid-write
 * leaves the previous version, never half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface JsonFile<T> {
  /** The stored value, or undefined when there is none yet (or it cannot be read). */
  read(): T | undefined;
  write(value: T): void;
}

export function jsonFile<T>(path: string): JsonFile<T> {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, path);
    },
  };
}
