/**
 * Load a project module by its path from the repo root, or say it is not built yet. The bench is written
 * while the product is: a missing file or export turns its row into "n/a (not built yet)" instead of a crash.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..");

export class NotBuiltError extends Error {
  constructor(what: string) {
    super(`not built yet: ${what}`);
    this.name = "NotBuiltError";
  }
}

function sourceExists(relPath: string): boolean {
  const base = join(REPO_ROOT, relPath);
  return [".ts", ".tsx", "/index.ts"].some((ext) => existsSync(base + ext)) || existsSync(base);
}

/** Import `relPath` (e.g. "src/core/plan/parse-plan") and return the named exports, all required. */
export async function loadExports<T extends Record<string, unknown>>(
  relPath: string,
  names: readonly (keyof T & string)[],
): Promise<T> {
  if (!sourceExists(relPath)) throw new NotBuiltError(relPath);
  const mod = (await import(join(REPO_ROOT, relPath))) as Record<string, unknown>;
  for (const name of names) {
    if (mod[name] === undefined) throw new NotBuiltError(`${relPath} → ${name}`);
  }
  return mod as T;
}

export function isNotBuilt(e: unknown): e is NotBuiltError {
  return e instanceof NotBuiltError;
}
