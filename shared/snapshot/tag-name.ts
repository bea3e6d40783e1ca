/**
 * The snapshot tag of seed 000, `image-{type}-{YYYYMMDD}-{infrasim_short}-{image_short}`,
 * built from recorded values only (never `git describe`, whose cut produced
 * `image-alpine-20251228-release--08587a35` once a `release-*` tag existed).
 * The name must be usable as a git tag (git check-ref-format) and as an OCI
 * tag (`[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`); a field that is not is
 * sanitised by one fixed rule, so the same inputs always give the same name.
 */
import { DataError, InputError } from '../errors.ts';

/** The OCI distribution spec's tag grammar. */
export const OCI_TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
export const MAX_TAG_LENGTH = 128;
/** Characters kept from a field; everything else becomes '-'. */
const FIELD_CHAR = /[^A-Za-z0-9._]/g;

/**
 * One field of the tag, sanitised: characters outside [A-Za-z0-9._] become
 * '-', runs of '-' or '.' collapse to one (`..` is not a git ref, `--` would
 * look like an empty field), and separators at either end are dropped (a
 * field never begins or ends with the tag's '-' separator). Throws when
 * nothing is left, naming the field and where it came from.
 */
export function sanitizeField(field: string, raw: string, source: string): string {
  const value = raw
    .replace(FIELD_CHAR, '-')
    // A run of separators ('--', '..', '-.') becomes its last one.
    .replace(/[-.]{2,}/g, (run) => run.at(-1)!)
    .replace(/^[-._]+|[-._]+$/g, '');
  if (value === '')
    throw new DataError(
      `snapshot tag: field ${field} is empty after sanitising '${raw}' (from ${source}); it needs at least one letter or digit`,
    );
  return value;
}

export interface TagFields {
  type: string;
  /** Seconds since the epoch: the commit time or SOURCE_DATE_EPOCH. */
  epoch: number;
  infrasimVersion: string;
  imageSha256: string;
}

/** YYYYMMDD of an epoch in UTC. */
export function utcDay(epoch: number): string {
  return new Date(epoch * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * `image-{type}-{YYYYMMDD}-{infrasim_short}-{image_short}`: image_short is the
 * first 8 hex digits of the image's sha256 (seed 000's `c3d4e5f6`);
 * infrasim_short the builder's recorded version. When the whole would pass
 * 128 characters (the OCI limit), infrasim_short is cut from its end, at a
 * boundary that leaves no separator dangling.
 */
export function snapshotTagName(f: TagFields): string {
  if (!/^[0-9a-f]{64}$/.test(f.imageSha256))
    throw new DataError(`snapshot tag: image sha256 '${f.imageSha256}' is not 64 hex digits`);
  if (!Number.isSafeInteger(f.epoch) || f.epoch < 0 || f.epoch > 253402300799)
    throw new DataError(`snapshot tag: date ${f.epoch} is not a Unix time in years 1970-9999`);
  const type = sanitizeField('type', f.type, 'image.type of the image provenance');
  const day = utcDay(f.epoch);
  const image = f.imageSha256.slice(0, 8);
  let infrasim = sanitizeField(
    'infrasim_short',
    f.infrasimVersion,
    'infrasim.version of the image provenance',
  );
  const fixed = `image-${type}-${day}--${image}`.length;
  if (fixed + 1 > MAX_TAG_LENGTH)
    throw new DataError(`snapshot tag: type '${type}' is too long for a ${MAX_TAG_LENGTH}-character tag`);
  if (fixed + infrasim.length > MAX_TAG_LENGTH)
    infrasim = sanitizeField(
      'infrasim_short',
      infrasim.slice(0, MAX_TAG_LENGTH - fixed),
      'infrasim.version of the image provenance (cut to fit 128 characters)',
    );
  const name = `image-${type}-${day}-${infrasim}-${image}`;
  const problem = tagNameProblem(name);
  if (problem) throw new DataError(`snapshot tag '${name}': ${problem}`); // unreachable by construction; kept as the contract
  return name;
}

/**
 * Why `name` is not usable as both a git tag and an OCI tag, or null. The git
 * rules are those of git-check-ref-format(1) for one path component.
 */
export function tagNameProblem(name: string): string | null {
  if (!OCI_TAG.test(name)) return 'not a valid OCI tag: 1 to 128 of [A-Za-z0-9._-], not starting with . or -';
  if (name.includes('..')) return "contains '..', which git refuses";
  if (name.endsWith('.') || name.endsWith('.lock')) return "ends with '.' or '.lock', which git refuses";
  if (name.startsWith('.') || name.startsWith('-')) return "starts with '.' or '-'";
  // git takes these for something else wherever a revision is read (`git checkout HEAD`, `git show <hex>`).
  if (/^(HEAD|FETCH_HEAD|ORIG_HEAD|MERGE_HEAD|@)$/.test(name)) return "is one of git's own revision names";
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(name)) return 'reads as an object id (40 or 64 hex digits)';
  return null;
}

/** Validates a tag name given as an input. */
export function parseTagName(input: string, raw: string): string {
  const name = raw.trim();
  const problem = tagNameProblem(name);
  if (problem)
    throw new InputError(
      input,
      `'${raw}' ${problem}`,
      "a git tag and OCI tag: [A-Za-z0-9_] then up to 127 of [A-Za-z0-9._-], no '..', not ending in '.' or '.lock', not HEAD or an object id",
    );
  return name;
}
