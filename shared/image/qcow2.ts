/** qemu-img wrappers: raw → qcow2 conversion and image facts. */
import { run } from '../exec.ts';

export type Compression = 'none' | 'zlib' | 'zstd';

export async function convertToQcow2(raw: string, qcow2: string, compression: Compression): Promise<void> {
  const args = ['convert', '-q', '-f', 'raw', '-O', 'qcow2'];
  // zstd compresses several times faster than zlib at about the same size.
  if (compression !== 'none') args.push('-c', '-o', `compression_type=${compression}`);
  await run('qemu-img', [...args, raw, qcow2]);
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
