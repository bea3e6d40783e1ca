/** The job summary and the `results` output of build-variant. */
import type { VariantResult } from './build.ts';

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function resultsJson(results: VariantResult[]): string {
  return JSON.stringify(
    results.map((r) => ({
      variant: r.variant,
      overlay: r.overlay,
      'overlay-sha256': r.overlaySha256,
      image: r.image ?? null,
      'image-sha256': r.imageSha256 ?? null,
      provenance: r.provenance,
      'console-log': r.consoleLog,
      'overlay-actual-size': r.overlayActualSize,
      'base-actual-size': r.baseActualSize,
      'provision-seconds': Math.round(r.provisionSeconds * 10) / 10,
    })),
  );
}

export function renderVariantSummary(results: VariantResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.variant} | ${r.provisionSeconds.toFixed(1)} s | ${mib(r.overlayActualSize)} | ${mib(r.baseActualSize)} | ${r.installedPackages} | \`${r.overlaySha256.slice(0, 12)}\` |`,
  );
  return [
    '### build-variant',
    '',
    '| variant | provisioning | overlay (actual) | base (actual) | packages in guest | overlay sha256 |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
