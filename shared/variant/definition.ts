/**
 * Variant definitions: what a variant adds to its base (packages, files,
 * services, commands) and what proves it (checks). One zod schema validates
 * both the built-in definitions and users' own YAML files; an error names the
 * file and the key, and a key written in the wrong place says where it goes.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors.ts';

/** The provisioning targets: how packages are installed and services enabled. */
export const TARGETS = ['alpine', 'debian', 'generic'] as const;
export type Target = (typeof TARGETS)[number];

/** Variant names become directory and file names: keep them to a safe alphabet. */
export const VARIANT_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;
/** A distribution package name with an optional =version (apk and dpkg spellings). */
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9+._:-]*(?:=[A-Za-z0-9+._:~-]+)?$/;
/** Service names are passed to rc-update / systemctl / a symlink: no path or shell characters. */
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9@._-]*$/;
/** An owner is `user`, `user:group`, or numeric ids; names are resolved in the guest. */
const OWNER = /^[a-z_][a-z0-9_-]*(?::[a-z_][a-z0-9_-]*)?$|^\d+(?::\d+)?$/;

const absolutePath = z
  .string()
  .regex(/^\/[^\0\n]*$/, 'must be an absolute path without newlines')
  .refine((p) => !p.split('/').includes('..'), 'must not contain ..');

const mode = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  // YAML reads 0644 as the number 644 (or 420 in YAML 1.1): only a string keeps the octal digits.
  if (typeof raw === 'number') {
    ctx.addIssue({
      code: 'custom',
      message: `write the mode as a quoted octal string, e.g. "0644" (got ${raw})`,
    });
    return z.NEVER;
  }
  if (!/^0?[0-7]{3,4}$/.test(raw)) {
    ctx.addIssue({ code: 'custom', message: `'${raw}' is not an octal mode like "0644" or "0755"` });
    return z.NEVER;
  }
  const value = parseInt(raw, 8);
  if (value > 0o7777) {
    ctx.addIssue({ code: 'custom', message: `'${raw}' is out of range` });
    return z.NEVER;
  }
  return value;
});

const fileSchema = z
  .strictObject({
    path: absolutePath,
    mode: mode.optional(),
    owner: z.string().regex(OWNER, 'must be user, user:group or uid:gid').optional(),
    content: z.string().optional(),
    /** A file beside the definition: relative, resolving inside its directory (checked in file-source.ts). */
    source: z
      .string()
      .regex(/^[^\0\n]+$/, 'must be a relative path without NUL or newlines')
      .optional(),
  })
  .refine((f) => (f.content === undefined) !== (f.source === undefined), {
    message: 'needs exactly one of content or source',
  });

/** A check for boot-verify: a one-line command, optionally `[N] command` to expect exit status N. */
const check = z.string().regex(/^[^\n]+$/, 'must be one line');
const command = z.string().min(1);

const packageName = z.string().regex(PACKAGE_NAME, 'must be a package name, optionally =version');
const serviceName = z.string().regex(SERVICE_NAME, 'must be a service name');

const distroSection = z.strictObject({
  /** Commands before the packages (e.g. adding a package repository). */
  prepare: z.array(command).optional(),
  packages: z.array(packageName).optional(),
  services: z.array(serviceName).optional(),
  files: z.array(fileSchema).optional(),
  commands: z.array(command).optional(),
  checks: z.array(check).optional(),
});

const genericSection = distroSection
  .omit({ packages: true, prepare: true })
  .extend({
    packages: z
      .array(z.string())
      .max(
        0,
        'the generic target has no package manager: install software in the base, or target alpine/debian',
      )
      .optional(),
  })
  .strict();

export const DefinitionSchema = z.strictObject({
  name: z.string().regex(VARIANT_NAME, 'must be lower-case letters, digits, . _ - (at most 63)').optional(),
  description: z.string().min(1),
  /** Built-in variants whose definitions this one includes first (dual-vpn = wireguard + tailscale + …). */
  extends: z.array(z.string().regex(VARIANT_NAME)).optional(),
  /**
   * Packages and services whose names are the same on every distribution
   * (curl, nftables, chrony): installed and enabled on alpine and debian
   * before each distro section's own. Versions differ between distributions,
   * so a pin belongs in distros.<target>.packages.
   */
  packages: z
    .array(
      z
        .string()
        .regex(
          /^[^=]*$/,
          'a version differs between distributions: pin it under distros.<alpine|debian>.packages',
        )
        .regex(PACKAGE_NAME, 'must be a package name'),
    )
    .optional(),
  services: z.array(serviceName).optional(),
  files: z.array(fileSchema).optional(),
  commands: z.array(command).optional(),
  checks: z.array(check).optional(),
  distros: z
    .strictObject({
      alpine: distroSection.optional(),
      debian: distroSection.optional(),
      generic: genericSection.optional(),
    })
    .optional(),
});

export type RawDefinition = z.infer<typeof DefinitionSchema>;
export type FileSpec = z.infer<typeof fileSchema>;

/** Parses and validates definition YAML; `origin` (a path or builtin:<name>) goes into every error. */
export function parseDefinition(text: string, origin: string, input = 'variants'): RawDefinition {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    throw new InputError(input, `${origin}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(input, `${origin}: a variant definition must be a YAML mapping`);
  }
  const parsed = DefinitionSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = [...issue.path, ...(issue.code === 'unrecognized_keys' ? [issue.keys.join(', ')] : [])].join(
      '.',
    );
    const problem =
      issue.code === 'unrecognized_keys'
        ? `unknown key (${issue.keys.join(', ')})${whereItGoes(issue.path, issue.keys)}`
        : issue.message;
    throw new InputError(input, `${origin}: key '${key || '(top level)'}': ${problem}`);
  }
  return parsed.data;
}

/** Keys that exist, only elsewhere: the error says where they go. */
function whereItGoes(path: readonly PropertyKey[], keys: readonly string[]): string {
  const key = keys[0]!;
  if (path.length === 0 && (TARGETS as readonly string[]).includes(key))
    return `; per-distribution settings go under distros.${key}`;
  if (path.length === 0 && key === 'prepare')
    return '; prepare commands are per distribution: put them under distros.<alpine|debian>.prepare';
  if (path.length === 2 && path[0] === 'distros' && ['name', 'description', 'extends'].includes(key))
    return `; '${key}' belongs at the top level of the definition`;
  return '';
}
