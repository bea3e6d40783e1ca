/**
 * What a snapshot is called, as pure functions of recorded values: the tag
 * name (seed 000), the bundle name (seed 000 for a base, seed 002 with
 * variants) and the annotated tag's message. Nothing here reads git, the
 * clock or the environment; the run's facts arrive as a SnapshotFacts.
 */
import { DataError } from '../errors.ts';
import { codeFence } from '../markdown.ts';
import { everyImage, type SnapshotImages } from './images.ts';
import { sanitizeField, snapshotTagName, utcDay } from './tag-name.ts';

export type Compression = 'gzip' | 'zstd' | 'none';

export const BUNDLE_SUFFIX: Record<Compression, string> = {
  gzip: '.tar.gz',
  zstd: '.tar.zst',
  none: '.tar',
};

export interface SnapshotFacts {
  /** The commit tagged (40 hex). */
  commit: string;
  /** SOURCE_DATE_EPOCH when set, else the commit's time. */
  epoch: number;
  epochSource: 'SOURCE_DATE_EPOCH' | 'commit time';
  /** The run's page, or null outside Actions. */
  runUrl: string | null;
}

export function planTagName(images: SnapshotImages, facts: SnapshotFacts): string {
  const doc = images.base.provenance.doc;
  return snapshotTagName({
    type: doc.image.type,
    epoch: facts.epoch,
    infrasimVersion: doc.infrasim.version,
    imageSha256: images.base.sha256,
  });
}

/**
 * `infrasim-{type}-{git_sha}.tar.gz` for a base alone, and seed 002's
 * `infrasim-{type}-variants-{git_sha}.tar.gz` when variants travel with it.
 */
export function planBundleName(
  images: SnapshotImages,
  facts: SnapshotFacts,
  compression: Compression,
): string {
  const type = sanitizeField(
    'type',
    images.base.provenance.doc.image.type,
    'image.type of the image provenance',
  );
  return `infrasim-${type}${images.variants.length ? '-variants' : ''}-${facts.commit}${BUNDLE_SUFFIX[compression]}`;
}

/** The annotated tag's message: every image with its sha256, its provenance's digest, and the run. */
export function tagMessage(
  tag: string,
  images: SnapshotImages,
  facts: SnapshotFacts,
  bundle: { name: string; sha256: string } | null,
): string {
  const doc = images.base.provenance.doc;
  const lines = [
    `${tag}`,
    '',
    `Snapshot of ${doc.image.type} ${doc.image.version} (${doc.image.architecture}) built by infrasim ${doc.infrasim.version}`,
    `commit ${facts.commit}, dated ${utcDay(facts.epoch)} (${facts.epochSource})`,
    '',
    'Images (sha256  path  provenance sha256):',
  ];
  for (const image of everyImage(images))
    lines.push(`  ${image.sha256}  ${image.rel}  ${image.provenance.rel} ${image.provenance.sha256}`);
  lines.push('', `Dependency graph sha256: ${doc.infrasim.dep_graph_sha256}`);
  if (bundle) lines.push(`Bundle: ${bundle.sha256}  ${bundle.name}`);
  lines.push(`Run: ${facts.runUrl ?? 'not a GitHub Actions run'}`, '');
  return lines.join('\n');
}

/**
 * What an existing snapshot tag's message records differently from the message this run would write, or
 * null when it records the same snapshot. The `Run:` line names whichever run made the tag; the `Bundle:`
 * line counts when both have one (a run with bundle: false writes none). git may have cleaned whitespace.
 * A tag recording another image type or architecture is another tree's record, not compared.
 * `existing` null: a lightweight tag, which records nothing.
 */
export function tagRecordDifference(existing: string | null, wanted: string): string | null {
  if (existing === null) return 'it is a lightweight tag, not an annotated snapshot tag listing its images';
  // Several trees go to one release under one tag (a matrix per architecture, each its own bundle-name): the
  // tag records the first tree; another type or architecture is another tree of the same snapshot.
  const [have, want] = [recordTree(existing), recordTree(wanted)];
  if (have && want && have !== want) return null;
  return lineDifference(existing, wanted);
}

/** The tree a snapshot record (tagMessage) describes: its image type and architecture. */
function recordTree(text: string): string | undefined {
  return /^Snapshot of (\S+) \S* \(([^)]+)\)/m.exec(text)?.slice(1).join(' ');
}

/**
 * The release text with a tree's record (tagMessage) in a fenced block. Several trees under one tag share the
 * release (each its own bundle), so an existing text keeps everything in it and gets this record: appended, or in
 * place of the earlier record of the same bundle (a rerun that replaced the assets). Null: it is there already.
 * The text may have been edited on github.com (CRLF line ends, other code blocks, a fence left open): only
 * fenced blocks that read as snapshot records are taken for records.
 */
export function releaseBodyWithRecord(existing: string | null, record: string): string | null {
  const fence = codeFence(record);
  const block = `${fence}\n${record.endsWith('\n') ? record : `${record}\n`}${fence}\n`;
  const text = (existing ?? '').replace(/\r\n?/g, '\n');
  if (!text.trim()) return block;
  const { blocks, open } = fencedBlocks(text);
  const bundleName = (t: string) => /^Bundle: \S+ {2}(.+)$/m.exec(t)?.[1];
  for (const b of blocks) {
    if (!recordTree(b.content)) continue;
    if (lineDifference(b.content, record) === null) return null;
    if (bundleName(b.content) !== undefined && bundleName(b.content) === bundleName(record))
      return text.slice(0, b.start) + block + text.slice(b.end);
  }
  // A fence left open would swallow the record: it is closed first.
  return `${text.trimEnd()}\n${open ? `${open}\n` : ''}\n${block}`;
}

/** The fenced code blocks of a Markdown text (CommonMark fences), and the fence still open at its end. */
function fencedBlocks(text: string): {
  blocks: { start: number; end: number; content: string }[];
  open: string | null;
} {
  const blocks: { start: number; end: number; content: string }[] = [];
  let current: { fence: string; start: number; contentStart: number } | null = null;
  let offset = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const bare = line.replace(/\n$/, '');
    const next = offset + line.length;
    if (!current) {
      const opening = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(bare);
      if (opening) current = { fence: opening[1]!, start: offset, contentStart: next };
    } else {
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(bare);
      if (closing && closing[1]![0] === current.fence[0] && closing[1]!.length >= current.fence.length) {
        blocks.push({ start: current.start, end: next, content: text.slice(current.contentStart, offset) });
        current = null;
      }
    }
    offset = next;
  }
  return { blocks, open: current?.fence ?? null };
}

function lineDifference(existing: string, wanted: string): string | null {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trimEnd())
      .filter((l) => l !== '' && !l.startsWith('Run: '));
  const have = lines(existing);
  const want = lines(wanted);
  const bundle = (l: string[]) => l.find((x) => x.startsWith('Bundle: '));
  const comparable = (l: string[], other: string[]) =>
    bundle(l) && !bundle(other) ? l.filter((x) => !x.startsWith('Bundle: ')) : l;
  const a = comparable(have, want);
  const b = comparable(want, have);
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i])
      return `it records '${a[i] ?? '(nothing)'}' where this run has '${b[i] ?? '(nothing)'}'`;
  return null;
}

/** The commit the images say they were built from must be the commit tagged. */
export function checkBuiltFrom(images: SnapshotImages, commit: string): void {
  for (const image of everyImage(images)) {
    const built = image.provenance.doc.build.git_commit;
    if (built && built !== commit)
      throw new DataError(
        `${image.provenance.rel}: ${image.rel} was built from commit ${built}, but the commit to tag is ${commit}; tag the commit the images came from`,
      );
  }
}
