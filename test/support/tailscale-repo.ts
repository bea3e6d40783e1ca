/**
 * A local apt repository laid out like Tailscale's (pkgs.tailscale.com/stable),
 * for the built-in tailscale variants where the real one cannot be reached:
 *
 *   <root>/stable/debian/bookworm.noarmor.gpg           the signing key, binary
 *   <root>/stable/debian/dists/bookworm/InRelease        Release, clear-signed
 *   <root>/stable/debian/dists/bookworm/main/binary-<arch>/Packages
 *   <root>/stable/debian/pool/tailscale_<v>_<arch>.deb
 *
 * The package is built here with dpkg-deb (a `tailscale` that prints its
 * version and a `tailscaled` service), the key is a fresh GnuPG key, and the
 * Release file lists real sizes and digests: apt in the guest verifies all of
 * it exactly as it verifies Tailscale's.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, relative } from 'node:path';
import { run } from '../../shared/exec.ts';

export const FAKE_TAILSCALE_VERSION = '1.76.6';

export interface TailscaleRepo {
  /** The repository base as the guest reaches it through QEMU's user-mode gateway. */
  guestUrl: string;
  /** Paths the guest asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

const TAILSCALE = `#!/bin/sh
# Stand-in for the tailscale CLI, built by the test suite.
case "$1" in
  version) echo "${FAKE_TAILSCALE_VERSION}"; echo "  tailscale commit: test-suite" ;;
  *) echo "tailscale (test stand-in): $*" ;;
esac
`;

const TAILSCALED = `#!/bin/sh
# Stand-in for tailscaled: stays up like the daemon.
exec sleep infinity
`;

const TAILSCALED_UNIT = `[Unit]
Description=Tailscale node agent (test stand-in)
After=network-pre.target

[Service]
ExecStart=/usr/sbin/tailscaled
Restart=on-failure

[Install]
WantedBy=multi-user.target
`;

async function buildDeb(dir: string, debArch: string): Promise<string> {
  const pkg = join(dir, 'pkg');
  await mkdir(join(pkg, 'DEBIAN'), { recursive: true });
  await mkdir(join(pkg, 'usr/bin'), { recursive: true });
  await mkdir(join(pkg, 'usr/sbin'), { recursive: true });
  await mkdir(join(pkg, 'lib/systemd/system'), { recursive: true });
  await writeFile(join(pkg, 'usr/bin/tailscale'), TAILSCALE, { mode: 0o755 });
  await writeFile(join(pkg, 'usr/sbin/tailscaled'), TAILSCALED, { mode: 0o755 });
  await writeFile(join(pkg, 'lib/systemd/system/tailscaled.service'), TAILSCALED_UNIT);
  await writeFile(
    join(pkg, 'DEBIAN/control'),
    [
      'Package: tailscale',
      `Version: ${FAKE_TAILSCALE_VERSION}`,
      `Architecture: ${debArch}`,
      'Maintainer: infrasim test suite <test@example.invalid>',
      'Section: net',
      'Priority: extra',
      'Description: Tailscale stand-in built by the infrasim test suite',
      '',
    ].join('\n'),
  );
  await chmod(pkg, 0o755);
  const deb = join(dir, `tailscale_${FAKE_TAILSCALE_VERSION}_${debArch}.deb`);
  await run('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', pkg, deb]);
  return deb;
}

function digests(data: Buffer): { md5: string; sha256: string } {
  return {
    md5: createHash('md5').update(data).digest('hex'),
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** Builds the repository for `codename` and serves it on 127.0.0.1 (the guest's 10.0.2.2). */
export async function startTailscaleRepo(codename: string, debArch: string): Promise<TailscaleRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'tailscale-repo-'));
  const root = join(dir, 'www', 'stable', 'debian');
  const pool = join(root, 'pool');
  const binary = join(root, 'dists', codename, 'main', `binary-${debArch}`);
  await mkdir(pool, { recursive: true });
  await mkdir(binary, { recursive: true });

  const debPath = await buildDeb(dir, debArch);
  const deb = await readFile(debPath);
  const debName = `pool/tailscale_${FAKE_TAILSCALE_VERSION}_${debArch}.deb`;
  await writeFile(join(root, debName), deb);
  const control = (await run('dpkg-deb', ['--field', debPath])).stdout.trimEnd();
  const d = digests(deb);
  const packages = Buffer.from(
    `${control}\nFilename: ${debName}\nSize: ${deb.length}\nMD5sum: ${d.md5}\nSHA256: ${d.sha256}\n\n`,
  );
  await writeFile(join(binary, 'Packages'), packages);

  const indexPath = `main/binary-${debArch}/Packages`;
  const p = digests(packages);
  const release = [
    'Origin: Tailscale',
    'Label: Tailscale',
    `Suite: ${codename}`,
    `Codename: ${codename}`,
    `Architectures: ${debArch}`,
    'Components: main',
    `Date: ${new Date(0).toUTCString()}`,
    'MD5Sum:',
    ` ${p.md5} ${packages.length} ${indexPath}`,
    'SHA256:',
    ` ${p.sha256} ${packages.length} ${indexPath}`,
    '',
  ].join('\n');
  const dists = join(root, 'dists', codename);
  await writeFile(join(dists, 'Release'), release);

  // A throwaway GnuPG home and key; apt verifies InRelease against the exported public key.
  const gnupg = join(dir, 'gnupg');
  await mkdir(gnupg, { mode: 0o700 });
  const gpg = (args: string[]) => run('gpg', ['--homedir', gnupg, '--batch', '--yes', ...args]);
  await gpg([
    '--passphrase',
    '',
    '--quick-gen-key',
    'infrasim test repository <test@example.invalid>',
    'ed25519',
    'sign',
    '1d',
  ]);
  await gpg(['--output', join(root, `${codename}.noarmor.gpg`), '--export']);
  await gpg(['--output', join(dists, 'InRelease'), '--clearsign', join(dists, 'Release')]);
  await gpg(['--output', join(dists, 'Release.gpg'), '--detach-sign', join(dists, 'Release')]);

  const www = join(dir, 'www');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(www, path));
    if (relative(www, file).startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-length': body.length }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    guestUrl: `http://10.0.2.2:${port}/stable`,
    requests,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // gpg-agent started for the throwaway home goes with it.
      await run('gpgconf', ['--homedir', gnupg, '--kill', 'gpg-agent']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
