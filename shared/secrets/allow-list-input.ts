/**
 * The allow-list input of an action: the YAML list inline, or — when the
 * value is a single line that is not YAML list syntax — the path of a file
 * holding it (kept in the repository beside the workflow, reviewed like code).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { requireReadablePath } from '../inputs.ts';
import { EMPTY_ALLOW_LIST, parseSecretAllowList, type SecretAllowList } from './allow-list.ts';

export async function readSecretAllowListInput(
  inputName: string,
  raw: string,
  cwd = process.cwd(),
): Promise<SecretAllowList> {
  const value = raw.trim();
  if (!value) return EMPTY_ALLOW_LIST;
  if (value.includes('\n') || /^[-[{]/.test(value)) return await parseSecretAllowList(raw, inputName);
  const path = resolve(cwd, value);
  await requireReadablePath(inputName, path, 'file');
  const text = await readFile(path, 'utf8');
  try {
    return await parseSecretAllowList(text, inputName);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(inputName, `${path}: ${e.message.replace(/^input '[^']*': /, '')}`);
    throw e;
  }
}
