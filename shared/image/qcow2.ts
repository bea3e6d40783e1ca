/** qemu-img wrappers: raw → qcow2 conversion and image facts. */
import { runStreamed } from '../exec-stream.ts';
import { run } from '../exec.ts';

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

export async function imageInfo(path: string): Promise<ImageInfo> {
  const r = await run('qemu-img', ['info', '--output=json', '-U', path]);
  const j = JSON.parse(r.stdout) as Record<string, unknown>;
  return {
    format: String(j['format']),
    virtualSize: Number(j['virtual-size']),
    actualSize: Number(j['actual-size']),
    backingFile: j['backing-filename'] as string | undefined,
    backingFormat: j['backing-filename-format'] as string | undefined,
  };
}
