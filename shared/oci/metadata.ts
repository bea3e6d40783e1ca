/**
 * docker/metadata-action's outputs, read as the OCI publisher needs them:
 * its tags (as tag names) and its `org.opencontainers.image.*` annotations
 * per level. A workflow passes them through the environment the action
 * exports (`DOCKER_METADATA_OUTPUT_JSON`: `{tags, "tag-names", labels: {k: v},
 * annotations: ["manifest:k=v", …]}`) or as the `labels`/`annotations`
 * outputs (newline-separated `k=v`, annotations optionally prefixed with
 * their levels, e.g. `index,manifest:k=v`).
 *
 * `org.opencontainers.image.created` is dropped: metadata-action sets it from
 * the wall clock, and the published manifests take it from the commit time
 * so a rerun produces the same digests.
 */
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { checkTag } from './reference.ts';

export interface ImageAnnotations {
  /** For each image manifest. */
  manifest: Record<string, string>;
  /** For the image index. */
  index: Record<string, string>;
}

export interface ImageMetadata {
  tags: string[];
  annotations: ImageAnnotations;
}

const OCI_KEY = /^org\.opencontainers\.image\.[a-z0-9.-]+$/;
const LEVELS = new Set(['manifest', 'index', 'manifest-descriptor', 'index-descriptor']);

const MetadataJson = z.looseObject({
  tags: z.array(z.string()).default([]),
  'tag-names': z.array(z.string()).optional(),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.array(z.string()).default([]),
});

/** `ghcr.io/o/r:1.2.3` → `1.2.3` (the colon after the last slash; a registry port has a slash after it). */
export function tagOfReference(reference: string): string | undefined {
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  return colon > slash ? reference.slice(colon + 1) : undefined;
}

function keep(key: string): boolean {
  return OCI_KEY.test(key) && key !== 'org.opencontainers.image.created';
}

/** One `[levels:]key=value` line into the levels it applies to. */
function addAnnotation(line: string, into: ImageAnnotations, input: string): void {
  const eq = line.indexOf('=');
  if (eq <= 0) throw new InputError(input, `'${line}' is not key=value`, '[manifest|index[,…]:]key=value');
  let key = line.slice(0, eq).trim();
  const value = line.slice(eq + 1);
  let levels = ['manifest'];
  const colon = key.indexOf(':');
  if (
    colon > 0 &&
    key
      .slice(0, colon)
      .split(',')
      .every((l) => LEVELS.has(l.trim()))
  ) {
    levels = key
      .slice(0, colon)
      .split(',')
      .map((l) => l.trim());
    key = key.slice(colon + 1);
  }
  if (!keep(key)) return;
  for (const level of levels) if (level === 'manifest' || level === 'index') into[level][key] = value;
}

function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Reads metadata-action's outputs: `json` (DOCKER_METADATA_OUTPUT_JSON) wins
 * for tags; `annotations`, or else `labels`, give the annotations.
 */
export function readMetadataAction(
  source: { json?: string; labels?: string; annotations?: string },
  inputs = { json: 'DOCKER_METADATA_OUTPUT_JSON', labels: 'labels', annotations: 'annotations' },
): ImageMetadata {
  const annotations: ImageAnnotations = { manifest: {}, index: {} };
  let tags: string[] = [];
  if (source.json?.trim()) {
    let parsed: z.infer<typeof MetadataJson>;
    try {
      parsed = MetadataJson.parse(JSON.parse(source.json));
    } catch (e) {
      throw new InputError(
        inputs.json,
        `is not docker/metadata-action's JSON output (${(e as Error).message.split('\n')[0]})`,
        '{"tags": ["image:tag", …], "labels": {…}, "annotations": ["manifest:key=value", …]}',
      );
    }
    const names = parsed['tag-names'] ?? parsed.tags.map((t) => tagOfReference(t) ?? '');
    tags = names.map((t) => checkTag(t, inputs.json));
    for (const line of parsed.annotations) addAnnotation(line, annotations, inputs.json);
    if (parsed.annotations.length === 0)
      for (const [k, v] of Object.entries(parsed.labels))
        if (keep(k)) annotations.manifest[k] = annotations.index[k] = v;
  }
  const annotationLines = lines(source.annotations);
  for (const line of annotationLines) addAnnotation(line, annotations, inputs.annotations);
  if (annotationLines.length === 0 && !source.json?.trim()) {
    for (const line of lines(source.labels)) {
      const eq = line.indexOf('=');
      if (eq <= 0) throw new InputError(inputs.labels, `'${line}' is not key=value`, 'key=value lines');
      const k = line.slice(0, eq);
      if (keep(k)) annotations.manifest[k] = annotations.index[k] = line.slice(eq + 1);
    }
  }
  return { tags: [...new Set(tags)], annotations };
}
