/** dual-vpn's nftables ruleset passes `nft -c -f` on the host; the key scanner's rules. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../shared/exec.ts';
import { addedKeyMaterial, scanTree } from '../../shared/variant/key-scan.ts';
import { DUAL_VPN_NFT, WIREGUARD_FIRSTBOOT } from '../../shared/variant/scripts.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';
import { needTools } from '../support/tools.ts';

describe('dual-vpn nftables policy', () => {
  it('passes nft -c -f', async () => {
    await needTools('nft');
    const dir = await mkdtemp(join(tmpdir(), 'variant-nft-'));
    const file = join(dir, 'dual-vpn.nft');
    await writeFile(file, DUAL_VPN_NFT);
    await run('nft', ['-c', '-f', file]);
  });

  it('marks control traffic 0x100, data traffic 0x200 and drops forwarding between the planes', () => {
    assert.match(DUAL_VPN_NFT, /tcp dport @control_tcp meta mark set 0x100/);
    assert.match(DUAL_VPN_NFT, /tcp dport @data_tcp meta mark set 0x200/);
    assert.match(DUAL_VPN_NFT, /iifname "tailscale0" oifname "wg0" counter drop/);
    assert.match(DUAL_VPN_NFT, /iifname "wg0" oifname "tailscale0" counter drop/);
    assert.match(DUAL_VPN_NFT, /elements = \{ 22,/);
  });

  it('is what the dual-vpn variant installs, with routing tables 100 and 200', async () => {
    const plan = await planVariant(await loadDefinition('dual-vpn'), 'alpine');
    const nft = plan.files.find((f) => f.path === '/etc/infrasim/nftables/dual-vpn.nft')!;
    assert.equal(nft.content.toString(), DUAL_VPN_NFT);
    const routing = plan.files
      .find((f) => f.path === '/usr/libexec/infrasim/dual-vpn-routing')!
      .content.toString();
    assert.match(routing, /ip rule add fwmark 0x100 table 100/);
    assert.match(routing, /ip rule add fwmark 0x200 table 200/);
  });
});

describe('private key scan', () => {
  it('blames a variant only for key material its base does not have byte for byte', () => {
    const f = (path: string, sha256: string) => ({ path, rule: 'PEM private key', sha256 });
    assert.deepEqual(
      addedKeyMaterial([f('/a', '1'), f('/b', '2'), f('/c', '3')], [f('/a', '1'), f('/b', '9')]),
      [f('/b', '2'), f('/c', '3')],
    );
  });

  it('finds PEM keys, WireGuard keys and ssh host keys; not the scripts that write keys', async () => {
    const root = await mkdtemp(join(tmpdir(), 'variant-scan-'));
    await mkdir(join(root, 'etc/ssh'), { recursive: true });
    await mkdir(join(root, 'etc/wireguard'), { recursive: true });
    await mkdir(join(root, 'usr/libexec'), { recursive: true });
    await writeFile(join(root, 'etc/ssh/ssh_host_ed25519_key'), 'anything');
    await writeFile(join(root, 'etc/ssh/ssh_host_ed25519_key.pub'), 'ssh-ed25519 AAAA');
    await writeFile(join(root, 'etc/wireguard/wg0.conf'), `[Interface]\nPrivateKey = ${'A'.repeat(43)}=\n`);
    await writeFile(
      join(root, 'etc/tls.key'),
      '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5oGo8FS9sf3ABoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n',
    );
    // Code and documentation that only name the header are not keys.
    await writeFile(join(root, 'usr/libexec/parser.py'), 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\n');
    await writeFile(join(root, 'usr/libexec/wireguard-firstboot'), WIREGUARD_FIRSTBOOT);
    const findings = (await scanTree(root))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ path, rule }) => ({ path, rule }));
    assert.deepEqual(findings, [
      { path: '/etc/ssh/ssh_host_ed25519_key', rule: 'SSH host key' },
      { path: '/etc/tls.key', rule: 'PEM private key' },
      { path: '/etc/wireguard/wg0.conf', rule: 'WireGuard PrivateKey' },
    ]);
  });
});
