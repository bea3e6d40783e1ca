/**
 * Scans every file entry of a .tar.gz (the snapshot bundle) as it streams
 * out of gunzip: whole entries, bounded memory, entries named by their path
 * in the archive. Entries are read with the suite's strict tar reader, so an
 * archive it cannot read exactly fails the scan rather than being skipped.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readTarEntries } from '../archive/tar-reader.ts';
import { scanStreamForSecrets, type SecretFinding } from './scan-file.ts';

export interface ArchiveScanResult {
  findings: SecretFinding[];
  files: number;
  bytes: number;
}

export async function scanTarGzForSecrets(archive: string): Promise<ArchiveScanResult> {
  const result: ArchiveScanResult = { findings: [], files: 0, bytes: 0 };
  await readTarEntries([createReadStream(archive), createGunzip()], archive, async (header, body) => {
    if (header.type !== 'file') return;
    const scanned = await scanStreamForSecrets(header.path.replace(/^\.\//, ''), body);
    result.files++;
    result.bytes += scanned.bytes;
    result.findings.push(...scanned.findings);
  });
  return result;
}
