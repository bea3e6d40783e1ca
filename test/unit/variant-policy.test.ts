/** dual-vpn's nftables ruleset passes `nft -c -f` on the host (the secret scanner's rules: test/unit/secrets-*.test.ts). */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from '@jest/globals';
import { run } from '../../shared/exec.ts';
import { DUAL_VPN_NFT } from '../../shared/variant/scripts.ts';
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
