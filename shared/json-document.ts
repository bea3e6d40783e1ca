/**
 * Reading back the JSON documents the suite writes (provenance, reports):
 * parsed and validated against the same schema that wrote them, with errors
 * that name the file, the field and the kind of document.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { DataError } from './errors.ts';

export async function readJsonDocument<T>(path: string, schema: z.ZodType<T>, kind: string): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new DataError(`${path}: not readable JSON (${(e as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataError(`${path}: invalid ${kind} at '${issue.path.join('.')}': ${issue.message}`);
  }
  return parsed.data;
}
