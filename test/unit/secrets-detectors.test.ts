/**
 * The secret scanner over a corpus made at test time: real keys from openssl
 * and ssh-keygen (PKCS#8, PKCS#1, SEC1, encrypted PKCS#8, legacy Proc-Type
 * encryption, OpenSSH with and without a passphrase), a PuTTY v3 file and
 * WireGuard/age keys built from a real X25519 key, tokens in their documented
 * formats with random bodies; and the false positives a distribution is full
 * of (documentation quoting a PEM header, placeholders, public keys,
 * certificates, AWS's documented example keys). Each finding names the file,
 * kind and line and carries the secret's sha256 — never the secret.
 */
import assert from 'node:assert/strict';
import { createPrivateKey, randomBytes, randomInt } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { sha256 } from '../../shared/hash.ts';
import { scanFileForSecrets, SecretScanner, type SecretFinding } from '../../shared/secrets/scan-file.ts';
import { isBech32 } from '../../shared/secrets/text.ts';
import { WIREGUARD_FIRSTBOOT } from '../../shared/variant/scripts.ts';
import { needTools } from '../support/tools.ts';

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function random(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}
const b62 = (n: number) => random(B62, n);

let dir: string;
function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
async function made(file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

/** bech32 encoding (BIP-173), to write an age identity from a real X25519 key. */
function bech32Encode(hrp: string, data: Buffer): string {
  const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const words: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const b of data) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      words.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) words.push((acc << (5 - bits)) & 31);
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  const polymod = (values: number[]) => {
    let chk = 1;
    for (const v of values) {
      const top = chk >>> 25;
      chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
      for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GEN[i]!) >>> 0;
    }
    return chk;
  };
  const expand = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expand.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31));
  const mod = polymod([...expand, ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + [...words, ...checksum].map((w) => CHARSET[w]).join('');
}

/** A real X25519 private key (32 bytes) from openssl. */
function x25519(): Buffer {
  const der = execFileSync('openssl', ['genpkey', '-algorithm', 'x25519', '-outform', 'DER']);
  return der.subarray(der.length - 32);
}

const kinds = (f: SecretFinding[]) => f.map((x) => `${x.kind}@${x.line}`);

beforeAll(async () => {
  await needTools('openssl', 'ssh-keygen');
  dir = await mkdtemp(join(tmpdir(), 'secrets-corpus-'));
});

describe('bech32 (age keys)', () => {
  it("accepts BIP-173's valid vectors and refuses a changed character or mixed case", () => {
    assert.ok(isBech32('A12UEL5L'));
    assert.ok(isBech32('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'));
    assert.ok(!isBech32('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx'));
    assert.ok(!isBech32('A12UEL5l'));
  });
});

describe('private keys (true positives, made by openssl and ssh-keygen)', () => {
  const cases: { name: string; make: () => void; file: string; kind: string }[] = [
    {
      name: 'PKCS#8 RSA',
      make: () =>
        sh('openssl', [
          'genpkey',
          '-algorithm',
          'rsa',
          '-pkeyopt',
          'rsa_keygen_bits:2048',
          '-out',
          'rsa8.pem',
        ]),
      file: 'rsa8.pem',
      kind: 'pem-private-key',
    },
    {
      name: 'PKCS#1 RSA',
      make: () => sh('openssl', ['genrsa', '-traditional', '-out', 'rsa1.pem', '1024']),
      file: 'rsa1.pem',
      kind: 'pem-private-key',
    },
    {
      name: 'SEC1 EC',
      make: () => sh('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.pem']),
      file: 'ec.pem',
      kind: 'pem-private-key',
    },
    {
      name: 'encrypted PKCS#8',
      make: () =>
        sh('openssl', ['genpkey', '-algorithm', 'ed25519', '-aes256', '-pass', 'pass:pw', '-out', 'enc.pem']),
      file: 'enc.pem',
      kind: 'pem-encrypted-private-key',
    },
    {
      name: 'legacy Proc-Type encrypted RSA',
      make: () =>
        sh('openssl', [
          'genrsa',
          '-traditional',
          '-aes128',
          '-passout',
          'pass:pw',
          '-out',
          'legacy.pem',
          '1024',
        ]),
      file: 'legacy.pem',
      kind: 'pem-encrypted-private-key',
    },
    {
      name: 'OpenSSH ed25519',
      make: () => sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'id_ed25519']),
      file: 'id_ed25519',
      kind: 'openssh-private-key',
    },
    {
      name: 'OpenSSH with a passphrase',
      make: () => sh('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', 'a passphrase', '-f', 'id_ecdsa']),
      file: 'id_ecdsa',
      kind: 'openssh-private-key',
    },
    {
      name: 'ssh-keygen -m PEM RSA',
      make: () => sh('ssh-keygen', ['-q', '-t', 'rsa', '-b', '1024', '-m', 'PEM', '-N', '', '-f', 'id_rsa']),
      file: 'id_rsa',
      kind: 'pem-private-key',
    },
  ];
  for (const c of cases) {
    it(`finds a ${c.name} key at line 1, without keeping it`, async () => {
      c.make();
      const text = await made(c.file);
      // Buried in a config file at line 4, as keys are.
      const file = `# key\nname = x\n\n${text}\nafter = 1\n`;
      const findings = scanFileForSecrets(`/etc/app/${c.file}`, Buffer.from(file));
      assert.deepEqual(kinds(findings), [`${c.kind}@4`]);
      assert.equal(findings[0]!.path, `/etc/app/${c.file}`);
      const body = text.split('\n').filter((l) => l && !l.startsWith('-----') && !l.includes(':'));
      const der = Buffer.from(body.join(''), 'base64');
      assert.equal(findings[0]!.fingerprint, sha256(der));
      assert.ok(!JSON.stringify(findings).includes(body[1]!));
    });
  }

  it("fingerprints a PKCS#8 key as the sha256 of its DER (independently: Node's crypto export)", () => {
    sh('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', 'ed.pem']);
    const pem = execFileSync('cat', [join(dir, 'ed.pem')]);
    const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
    assert.deepEqual(scanFileForSecrets('ed.pem', pem), [
      { path: 'ed.pem', kind: 'pem-private-key', line: 1, fingerprint: sha256(der) },
    ]);
  });

  it('finds a PEM key inside a JSON string (\\n escapes), and names it a GCP service-account key when the file is one', () => {
    sh('openssl', ['genpkey', '-algorithm', 'rsa', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', 'sa.pem']);
    const pem = execFileSync('cat', [join(dir, 'sa.pem')], { encoding: 'utf8' });
    const sa = JSON.stringify(
      {
        type: 'service_account',
        project_id: 'acme-images',
        private_key_id: randomBytes(20).toString('hex'),
        private_key: pem,
        client_email: 'builder@acme-images.iam.gserviceaccount.com',
      },
      null,
      2,
    );
    assert.deepEqual(kinds(scanFileForSecrets('/opt/sa.json', Buffer.from(sa))), [
      'gcp-service-account-key@5',
    ]);
    const other = JSON.stringify({ name: 'x', private_key: pem });
    assert.deepEqual(kinds(scanFileForSecrets('/opt/other.json', Buffer.from(other))), ['pem-private-key@1']);
  });

  it("finds a PuTTY v3 .ppk's private lines", () => {
    const key = randomBytes(32);
    const pub = Buffer.concat([Buffer.from('\0\0\0\x0bssh-ed25519\0\0\0\x20'), randomBytes(32)]).toString(
      'base64',
    );
    const priv = Buffer.concat([Buffer.from([0, 0, 0, 32]), key]).toString('base64');
    const ppk = [
      'PuTTY-User-Key-File-3: ssh-ed25519',
      'Encryption: none',
      'Comment: ed25519-key-20250101',
      'Public-Lines: 2',
      pub.slice(0, 64),
      pub.slice(64),
      'Private-Lines: 1',
      priv,
      `Private-MAC: ${randomBytes(32).toString('hex')}`,
      '',
    ].join('\n');
    const findings = scanFileForSecrets('/home/u/key.ppk', Buffer.from(ppk));
    assert.deepEqual(kinds(findings), ['putty-private-key@1']);
    assert.equal(findings[0]!.fingerprint, sha256(Buffer.from(priv, 'base64')));
  });

  it('finds WireGuard keys (wg-quick, NetworkManager, a `wg genkey` file) made from a real X25519 key', () => {
    const key = x25519();
    const b64 = key.toString('base64');
    const conf = `[Interface]\nAddress = 10.50.0.1/24\nListenPort = 51820\nPrivateKey = ${b64}\n`;
    assert.deepEqual(scanFileForSecrets('/etc/wireguard/wg0.conf', Buffer.from(conf)), [
      { path: '/etc/wireguard/wg0.conf', kind: 'wireguard-private-key', line: 4, fingerprint: sha256(key) },
    ]);
    const nm = `[connection]\nid=wg0\ntype=wireguard\n\n[wireguard]\nprivate-key=${b64}\n`;
    assert.deepEqual(
      kinds(scanFileForSecrets('/etc/NetworkManager/system-connections/wg0.nmconnection', Buffer.from(nm))),
      ['wireguard-private-key@6'],
    );
    assert.deepEqual(kinds(scanFileForSecrets('/etc/wireguard/privatekey', Buffer.from(b64 + '\n'))), [
      'wireguard-private-key@1',
    ]);
  });

  it('finds an age identity whose bech32 checksum holds', () => {
    const identity = bech32Encode('age-secret-key-', x25519()).toUpperCase();
    const file = `# created: 2025-01-01T00:00:00Z\n# public key: age1${b62(20).toLowerCase()}\n${identity}\n`;
    assert.deepEqual(scanFileForSecrets('/root/.config/sops/age/keys.txt', Buffer.from(file)), [
      {
        path: '/root/.config/sops/age/keys.txt',
        kind: 'age-secret-key',
        line: 3,
        fingerprint: sha256(identity),
      },
    ]);
    const broken = identity.slice(0, -1) + (identity.endsWith('Q') ? 'P' : 'Q');
    assert.deepEqual(scanFileForSecrets('keys.txt', Buffer.from(broken)), []);
  });

  it('reports an SSH host key by its name whatever it holds, fingerprinting the whole file', () => {
    const content = Buffer.from('not a key format anyone knows\n');
    assert.deepEqual(scanFileForSecrets('/etc/ssh/ssh_host_ed25519_key', content), [
      { path: '/etc/ssh/ssh_host_ed25519_key', kind: 'ssh-host-key', line: 1, fingerprint: sha256(content) },
    ]);
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'ssh_host_ed25519_key']);
    const real = execFileSync('cat', [join(dir, 'ssh_host_ed25519_key')]);
    // One finding for the file, not a second one for the key inside it.
    assert.deepEqual(kinds(scanFileForSecrets('/etc/ssh/ssh_host_ed25519_key', real)), ['ssh-host-key@1']);
    assert.deepEqual(
      scanFileForSecrets(
        '/etc/ssh/ssh_host_ed25519_key.pub',
        execFileSync('cat', [join(dir, 'ssh_host_ed25519_key.pub')]),
      ),
      [],
    );
    assert.deepEqual(kinds(scanFileForSecrets('/etc/dropbear/dropbear_ed25519_host_key', content)), [
      'dropbear-host-key@1',
    ]);
  });
});

describe('cloud and forge tokens (documented formats, random bodies)', () => {
  const aws = { id: 'AKIA' + random('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16), secret: b62(38) + '/+' };
  const table: { name: string; path: string; text: string; kind: string; line: number; secret: string }[] = [
    {
      name: 'AWS access key pair (credentials file)',
      path: '/root/.aws/credentials',
      text: `[default]\naws_access_key_id = ${aws.id}\naws_secret_access_key = ${aws.secret}\nregion = eu-west-1\n`,
      kind: 'aws-access-key-pair',
      line: 2,
      secret: aws.secret,
    },
    {
      name: 'AWS secret access key alone',
      path: '/opt/deploy.sh',
      text: `#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY="${aws.secret}"\n`,
      kind: 'aws-secret-access-key',
      line: 2,
      secret: aws.secret,
    },
    ...(() => {
      const key = randomBytes(64).toString('base64');
      return [
        {
          name: 'Azure storage connection string',
          path: '/etc/app/appsettings.json',
          text: `{\n  "Storage": "DefaultEndpointsProtocol=https;AccountName=acmeimages;AccountKey=${key};EndpointSuffix=core.windows.net"\n}\n`,
          kind: 'azure-storage-account-key',
          line: 2,
          secret: key,
        },
      ];
    })(),
    ...['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'].map((p) => {
      const t = p + b62(36);
      return {
        name: `GitHub ${p}`,
        path: '/home/u/.git-credentials',
        text: `https://x-access-token:${t}@github.com\n`,
        kind: 'github-token',
        line: 1,
        secret: t,
      };
    }),
    ...(() => {
      const t = `github_pat_${b62(22)}_${b62(59)}`;
      return [
        {
          name: 'GitHub fine-grained PAT',
          path: '/etc/gh.conf',
          text: `token: ${t}\n`,
          kind: 'github-token',
          line: 1,
          secret: t,
        },
      ];
    })(),
    ...(() => {
      const t = 'glpat-' + random(B62 + '-_', 20);
      return [
        {
          name: 'GitLab glpat-',
          path: '/root/.netrc',
          text: `machine gitlab.com\nlogin oauth2\npassword ${t}\n`,
          kind: 'gitlab-token',
          line: 3,
          secret: t,
        },
      ];
    })(),
    ...(() => {
      const t = `xoxb-${random('0123456789', 12)}-${random('0123456789', 13)}-${b62(24)}`;
      return [
        {
          name: 'Slack bot token',
          path: '/srv/bot/config.yaml',
          text: `slack:\n  token: ${t}\n`,
          kind: 'slack-token',
          line: 2,
          secret: t,
        },
      ];
    })(),
    ...(() => {
      const t = `https://hooks.slack.com/services/T${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${b62(24)}`;
      return [
        {
          name: 'Slack webhook',
          path: '/etc/alert.conf',
          text: `url=${t}\n`,
          kind: 'slack-webhook',
          line: 1,
          secret: t.slice(8),
        },
      ];
    })(),
    ...(() => {
      const t = 'npm_' + b62(36);
      return [
        {
          name: 'npm token',
          path: '/root/.npmrc',
          text: `//registry.npmjs.org/:_authToken=${t}\n`,
          kind: 'npm-token',
          line: 1,
          secret: t,
        },
      ];
    })(),
    ...(() => {
      const t = 'pypi-AgEIcHlwaS5vcmc' + random(B62 + '-_', 150);
      return [
        {
          name: 'PyPI token',
          path: '/root/.pypirc',
          text: `[pypi]\nusername = __token__\npassword = ${t}\n`,
          kind: 'pypi-token',
          line: 3,
          secret: t,
        },
      ];
    })(),
  ];
  for (const c of table) {
    it(`finds a ${c.name}`, () => {
      const findings = scanFileForSecrets(c.path, Buffer.from(c.text));
      assert.deepEqual(findings, [
        { path: c.path, kind: c.kind, line: c.line, fingerprint: sha256(c.secret) },
      ]);
      assert.ok(!JSON.stringify(findings).includes(c.secret));
    });
  }
});

describe('.env-style credentials', () => {
  it('finds PASSWORD/SECRET/TOKEN/API_KEY assignments with real values in env files only', () => {
    const env = [
      '# database',
      'DB_HOST=db.internal',
      'DB_PASSWORD=Xk9#mP2$vL7q',
      'export API_KEY="k-8d7f6a5s4d3f2g1h"',
      "JWT_SECRET='c2VjcmV0LWZvci1qd3Q'",
      'SESSION_TOKEN=tok_9f8e7d6c5b4a # rotated monthly',
    ].join('\n');
    const findings = scanFileForSecrets('/srv/app/.env', Buffer.from(env));
    assert.deepEqual(findings, [
      { path: '/srv/app/.env', kind: 'env-credential', line: 3, fingerprint: sha256('Xk9#mP2$vL7q') },
      { path: '/srv/app/.env', kind: 'env-credential', line: 4, fingerprint: sha256('k-8d7f6a5s4d3f2g1h') },
      { path: '/srv/app/.env', kind: 'env-credential', line: 5, fingerprint: sha256('c2VjcmV0LWZvci1qd3Q') },
      { path: '/srv/app/.env', kind: 'env-credential', line: 6, fingerprint: sha256('tok_9f8e7d6c5b4a') },
    ]);
    for (const name of ['/srv/app/.env.production', '/etc/app/db.env', '/etc/environment'])
      assert.deepEqual(
        kinds(scanFileForSecrets(name, Buffer.from(env))),
        ['env-credential@3', 'env-credential@4', 'env-credential@5', 'env-credential@6'],
        name,
      );
    // The same lines in a file that is not an env file are configuration, not findings.
    assert.deepEqual(scanFileForSecrets('/usr/share/doc/app/README', Buffer.from(env)), []);
  });

  it('reports a token in an env file once, by its own kind', () => {
    const t = 'ghp_' + b62(36);
    assert.deepEqual(kinds(scanFileForSecrets('/srv/.env', Buffer.from(`GITHUB_TOKEN=${t}\n`))), [
      'github-token@1',
    ]);
  });

  it('ignores placeholders, references, empty values and names that are not the secret', () => {
    const env = [
      'PASSWORD=changeme',
      'DB_PASSWORD=',
      'DB_PASSWORD=""',
      'API_KEY=<token>',
      'API_KEY=<your-api-key>',
      'SECRET=${APP_SECRET}',
      'TOKEN=$GITHUB_TOKEN',
      'TOKEN={{ vault_token }}',
      'ADMIN_PASSWORD=your_password_here',
      'PASSWORD_FILE=/run/secrets/db_password',
      'SECRET_PATH=/etc/app/secret',
      'TOKEN_URL=https://auth.example.org/token',
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'API_KEY=xxxxxxxxxxxxxxxx',
      'SECRET=********',
      'TOKEN=null',
    ].join('\n');
    assert.deepEqual(scanFileForSecrets('/srv/app/.env', Buffer.from(env)), []);
  });
});

describe('false positives a distribution is full of', () => {
  const table: { name: string; path: string; text: () => string }[] = [
    {
      name: 'code naming a PEM header',
      path: '/usr/lib/python3/x509.py',
      text: () => 'HEADER = "-----BEGIN RSA PRIVATE KEY-----"\nFOOTER = "-----END RSA PRIVATE KEY-----"\n',
    },
    {
      name: 'documentation with an elided body',
      path: '/usr/share/doc/app/README.md',
      text: () =>
        '```\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...\n-----END PRIVATE KEY-----\n```\n',
    },
    {
      name: 'documentation with a placeholder body',
      path: '/usr/share/doc/app/keys.txt',
      text: () =>
        '-----BEGIN OPENSSH PRIVATE KEY-----\n<your private key here>\n-----END OPENSSH PRIVATE KEY-----\n',
    },
    {
      name: 'a public key and a certificate',
      path: '/etc/ssl/certs/app.pem',
      text: () => {
        sh('openssl', [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-subj',
          '/CN=x',
          '-keyout',
          'c.key',
          '-out',
          'c.crt',
          '-days',
          '1',
        ]);
        sh('openssl', ['pkey', '-in', 'c.key', '-pubout', '-out', 'c.pub']);
        return execFileSync('cat', [join(dir, 'c.crt'), join(dir, 'c.pub')], { encoding: 'utf8' });
      },
    },
    {
      name: 'SSH public keys and known_hosts',
      path: '/root/.ssh/authorized_keys',
      text: () => {
        sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'pubonly']);
        return execFileSync('cat', [join(dir, 'pubonly.pub')], { encoding: 'utf8' });
      },
    },
    {
      name: "AWS's documented example keys",
      path: '/usr/share/doc/awscli/credentials.example',
      text: () =>
        '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    },
    {
      name: 'an AWS key id without a secret, and a git sha next to one',
      path: '/var/log/deploy.log',
      text: () =>
        `used key AKIA${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)} at commit ${randomBytes(20).toString('hex')}\n`,
    },
    {
      name: 'token placeholders',
      path: '/usr/share/doc/gh/README',
      text: () =>
        'export GH_TOKEN=ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\nnpm_config_cache=/tmp\ntoken: xoxb-your-token-here\nglpat-xxxxxxxxxxxxxxxxxxxx\n',
    },
    {
      name: "Azurite's published development key",
      path: '/etc/app/dev.json',
      text: () =>
        'UseDevelopmentStorage=true;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==\n',
    },
    {
      name: 'WireGuard public keys, placeholders and the first-boot script that makes the key',
      path: '/etc/wireguard/wg0.conf',
      text: () =>
        `[Interface]\nPrivateKey = <run wg genkey>\n[Peer]\nPublicKey = ${x25519().toString('base64')}\n` +
        WIREGUARD_FIRSTBOOT,
    },
    {
      name: 'an age public key',
      path: '/etc/age/recipients.txt',
      text: () => `age1${bech32Encode('age', x25519()).slice(4)}\n`,
    },
  ];
  for (const c of table) {
    it(`does not report ${c.name}`, () => {
      assert.deepEqual(scanFileForSecrets(c.path, Buffer.from(c.text())), []);
    });
  }
});

describe('whole files, bounded memory, binary content', () => {
  it('finds a key past the first MiBs, split at any chunk boundary, with the right line', () => {
    sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'deep']);
    const key = execFileSync('cat', [join(dir, 'deep')]);
    const filler = Buffer.from('x'.repeat(99) + '\n');
    const parts: Buffer[] = [];
    for (let i = 0; i < 30000; i++) parts.push(filler); // 3 MB, 30000 lines
    const file = Buffer.concat([...parts, key, ...parts.slice(0, 100)]);
    const whole = scanFileForSecrets('/var/lib/blob', file);
    assert.deepEqual(kinds(whole), ['openssh-private-key@30001']);
    for (const size of [13, 4096, 65536 + 3, 1024 * 1024 + 1]) {
      const s = new SecretScanner('/var/lib/blob');
      for (let i = 0; i < file.length; i += size) s.push(file.subarray(i, i + size));
      assert.deepEqual(s.finish(), whole, `chunks of ${size}`);
    }
  });

  it('finds an anchor cut by any of the 64 KiB search slices, at every offset across the cut', () => {
    const github = 'ghp_' + b62(36);
    const slack = `https://hooks.slack.com/services/T${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/B${random('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}/${b62(24)}`;
    // Slices are cut 64 KiB apart from where a round starts: a whole file of under 1 MiB is one round.
    for (const [secret, kind, anchor] of [
      [github, 'github-token', 'ghp_'],
      [slack, 'slack-webhook', 'hooks.slack.com/services/'],
    ] as const) {
      const anchorAt = secret.indexOf(anchor);
      for (let shift = -1; shift <= anchor.length; shift++) {
        // The anchor starts `shift` bytes before the second cut: across it for 0 < shift < its length.
        const lead = 2 * 65536 - shift - anchorAt - 1;
        const file = Buffer.concat([Buffer.from('x'.repeat(lead) + ' '), Buffer.from(`${secret}\nend\n`)]);
        assert.deepEqual(
          scanFileForSecrets('/var/lib/blob', file).map((f) => `${f.kind}@${f.line}`),
          [`${kind}@1`],
          `${anchor} starting ${shift} byte(s) before the cut`,
        );
      }
    }
  });

  it('scans binary content: a key stored inside random bytes is found; random bytes alone are not findings', () => {
    sh('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'bin.pem']);
    const pem = execFileSync('cat', [join(dir, 'bin.pem')]);
    const noise = randomBytes(3 * 1024 * 1024);
    assert.deepEqual(scanFileForSecrets('/var/lib/db.sqlite', noise), []);
    const f = scanFileForSecrets(
      '/var/lib/db.sqlite',
      Buffer.concat([noise, Buffer.from([0]), pem, randomBytes(1000)]),
    );
    assert.deepEqual(
      f.map((x) => x.kind),
      ['pem-private-key'],
    );
  });

  it('stays linear on inputs built to make a matcher backtrack', () => {
    const evil = [
      '-----BEGIN PRIVATE KEY-----\n'.repeat(20000),
      'AKIA'.repeat(50000),
      'PrivateKey = '.repeat(20000),
      'A'.repeat(1_000_000),
      'ghp_'.repeat(50000),
    ].join('');
    assert.deepEqual(scanFileForSecrets('/srv/.env', Buffer.from(evil)), []);
  });
});
