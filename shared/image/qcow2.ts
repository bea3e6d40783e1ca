/** qemu-img wrappers: raw → qcow2 conversion and image facts. */
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { runStreamed } from '../exec-stream.ts';
import { run } from '../exec.ts';
import {
  detectFormat,
  parseQcow2Header,
  qcow2ClusterBits,
  QCOW2_FIXED_HEADER,
  type Qcow2Header,
} from '../vm/qcow2-header.ts';

export type Compression = 'none' | 'zlib' | 'zstd';

export async function convertToQcow2(raw: string, qcow2: string, compression: Compression): Promise<void> {
  await convertImage(raw, 'raw', qcow2, compression);
}

/**
 * qemu-img convert to qcow2, its progress streamed into the step log: a
 * compressed conversion of a large disk takes minutes.
 */
export async function convertImage(
  source: string,
  sourceFormat: 'raw' | 'qcow2',
  target: string,
  compression: Compression,
): Promise<void> {
  const args = ['convert', '-p', '-f', sourceFormat, '-O', 'qcow2'];
  // zstd compresses several times faster than zlib at about the same size.
  if (compression !== 'none') args.push('-c', '-o', `compression_type=${compression}`);
  await runStreamed('qemu-img', [...args, source, target], {
    title: `qemu-img convert ${source} → ${target}`,
    filter: everyTenthPercent(),
  });
}

/** qemu-img -p redraws "(12.34/100%)" about a hundred times; the log gets one line per 10%. */
export function everyTenthPercent(): (line: string) => string | null {
  let shown = -1;
  return (line) => {
    const m = /^\(\s*(\d+(?:\.\d+)?)\/100%\)$/.exec(line.trim());
    if (!m) return line;
    const step = Math.floor(Number(m[1]) / 10);
    if (step <= shown) return null;
    shown = step;
    return `${step * 10}%`;
  };
}

export interface ImageInfo {
  format: string;
  virtualSize: number;
  actualSize: number;
  backingFile?: string;
  backingFormat?: string;
}

/**
 * What `qemu-img info` says of an image the suite wrote (format, virtual size, allocated bytes, backing file),
 * read from its header and its stat: no process per question. A format other than qcow2 and raw is asked of
 * qemu-img itself.
 */
export async function imageInfo(path: string): Promise<ImageInfo> {
  const handle = await open(path, 'r');
  let header: Qcow2Header | undefined;
  let format: ReturnType<typeof detectFormat>;
  let st: Stats;
  try {
    st = await handle.stat();
    const fixed = Buffer.alloc(Math.min(st.size, QCOW2_FIXED_HEADER));
    await handle.read(fixed, 0, fixed.length, 0);
    format = detectFormat(fixed);
    if (format === 'qcow2') {
      const cluster = Buffer.alloc(Math.min(st.size, 2 ** qcow2ClusterBits(fixed)));
      await handle.read(cluster, 0, cluster.length, 0);
      header = parseQcow2Header(cluster);
    }
  } finally {
    await handle.close();
  }
  // qemu-img's actual-size is the file's allocated blocks.
  const actualSize = st.blocks * 512;
  if (header)
    return {
      format: 'qcow2',
      virtualSize: header.virtualSize,
      actualSize,
      ...(header.backingFile !== undefined ? { backingFile: header.backingFile } : {}),
      ...(header.backingFormat !== undefined ? { backingFormat: header.backingFormat } : {}),
    };
  if (format === 'raw') return { format: 'raw', virtualSize: st.size, actualSize };
  return qemuImgInfo(path);
}

/** `qemu-img info` itself. */
export async function qemuImgInfo(path: string): Promise<ImageInfo> {
  const r = await run('qemu-img', ['info', '--output=json', '-U', path]);
  const j = JSON.parse(r.stdout) as Record<string, unknown>;
  return {
    format: String(j['format']),
    virtualSize: Number(j['virtual-size']),
    actualSize: Number(j['actual-size']),
    ...(j['backing-filename'] !== undefined ? { backingFile: j['backing-filename'] as string } : {}),
    ...(j['backing-filename-format'] !== undefined
      ? { backingFormat: j['backing-filename-format'] as string }
      : {}),
  };
}
