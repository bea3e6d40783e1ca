/**
 * Registry addresses, repository names, tags and digests, validated with the
 * grammar of the OCI distribution spec before any request is made.
 */
import { InputError } from '../errors.ts';

/** distribution spec §pulling-manifests: `<name>` path components. */
const REPOSITORY = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** distribution spec: a tag is at most 128 characters. */
const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function isTag(value: string): boolean {
  return TAG.test(value);
}
export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

export function checkRepository(value: string, input = 'repository'): string {
  if (!REPOSITORY.test(value) || value.length > 255)
    throw new InputError(
      input,
      `'${value}' is not a valid OCI repository name`,
      'lower-case path components of [a-z0-9] joined by . _ __ or -, separated by /, e.g. owner/images',
    );
  return value;
}

export function checkTag(value: string, input = 'tag'): string {
  if (!TAG.test(value))
    throw new InputError(input, `'${value}' is not a valid OCI tag`, '[A-Za-z0-9_][A-Za-z0-9._-]{0,127}');
  return value;
}

export function checkDigest(value: string, input = 'digest'): string {
  if (!DIGEST.test(value))
    throw new InputError(input, `'${value}' is not a sha256 digest`, 'sha256:<64 hex>');
  return value;
}

/** A manifest reference: a tag or a digest. */
export function checkReference(value: string, input = 'reference'): string {
  if (DIGEST.test(value) || TAG.test(value)) return value;
  throw new InputError(input, `'${value}' is neither a tag nor a sha256 digest`, 'a tag or sha256:<64 hex>');
}

/** The tag under which the referrers fallback index of `digest` lives (OCI distribution spec 1.1). */
export function referrersTag(digest: string): string {
  return checkDigest(digest).replace(':', '-');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The base URL of a registry given as `host[:port]` or as a URL. A bare host
 * means https, except loopback (127.0.0.1, localhost, ::1) which means http:
 * plain http to anywhere else is only used when the input spells out `http://`.
 */
export function registryBaseUrl(registry: string, input = 'registry'): URL {
  const value = registry.trim().replace(/\/+$/, '');
  if (!value) throw new InputError(input, 'is empty', 'a registry host such as ghcr.io or 127.0.0.1:5000');
  // The URL parser drops tabs and newlines: 'ghcr.io\nevil.com' would become the host ghcr.ioevil.com.
  if (/\s/.test(value))
    throw new InputError(
      input,
      `${JSON.stringify(registry)} holds whitespace`,
      'host[:port] or http(s)://host[:port]',
    );
  let url: URL;
  try {
    if (/^[a-z]+:\/\//i.test(value)) {
      url = new URL(value);
    } else {
      const host = new URL(`http://${value}`).hostname;
      url = new URL(`${LOOPBACK.has(host) ? 'http' : 'https'}://${value}`);
    }
  } catch {
    throw new InputError(
      input,
      `'${registry}' is not a registry address`,
      'host[:port] or http(s)://host[:port]',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InputError(input, `'${registry}' uses ${url.protocol}`, 'http:// or https://');
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new InputError(
      input,
      `'${registry}' has a path, query or credentials`,
      'host[:port] only; pass credentials through their own inputs',
    );
  return url;
}

export function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname);
}
