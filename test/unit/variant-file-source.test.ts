/**
 * A definition's `source:` files and the definition file itself: confined to
 * the definition's directory (realpath containment), regular files only,
 * bounded in size. Each hostile entry is refused naming the file, the key and
 * the rule; the bundled action is tried in test/integration/build-variant-hostile.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from '@jest/globals';
import { InputError } from '../../shared/errors.ts';
import {
  MAX_DEFINITION_BYTES,
  MAX_SOURCE_BYTES,
  MAX_VARIANT_FILES_BYTES,
} from '../../shared/variant/file-source.ts';
import { loadDefinition, planVariant } from '../../shared/variant/plan.ts';

let dir: string;
let defs: string;

/** Writes defs/<name>.yaml with one file entry whose source is `source`. */
async function definition(name: string, source: string): Promise<string> {
  const path = join(defs, `${name}.yaml`);
  await writeFile(path, `description: x\nfiles:\n  - path: /etc/x\n    source: ${JSON.stringify(source)}\n`);
  return path;
}

async function plan(path: string) {
  return planVariant(await loadDefinition(path), 'generic');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'variant-source-'));
  defs = join(dir, 'defs');
  await mkdir(join(defs, 'files'), { recursive: true });
  await writeFile(join(dir, 'host-secret'), 'HOST SECRET\n');
  await writeFile(join(defs, 'files', 'motd'), 'hello\n');
  await symlink('/etc/hostname', join(defs, 'files', 'to-etc'));
  await symlink('../../host-secret', join(defs, 'files', 'to-parent'));
  await symlink('/dev/zero', join(defs, 'files', 'zero'));
  await symlink('motd', join(defs, 'files', 'to-motd'));
  execFileSync('mkfifo', [join(defs, 'files', 'fifo')]);
  await writeFile(join(defs, 'files', 'big'), '');
  await truncate(join(defs, 'files', 'big'), MAX_SOURCE_BYTES + 1);
  await writeFile(join(defs, 'files', 'max'), '');
  await truncate(join(defs, 'files', 'max'), MAX_SOURCE_BYTES);
});

describe('source: files of a definition', () => {
  const SOURCE_RULE = /\(accepted: a path relative to the definition file that resolves inside its directory/;
  const refused: [string, string, RegExp][] = [
    [
      '.. out of the directory',
      '../host-secret',
      /'\.\.\/host-secret' climbs out of the definition's directory/,
    ],
    ['.. hidden in the middle', 'files/../../host-secret', /climbs out of the definition's directory/],
    ['an absolute path', '/etc/hostname', /'\/etc\/hostname' is an absolute path/],
    [
      'a symlink to a host file',
      'files/to-etc',
      /'files\/to-etc' leads through a symlink to \/etc\/hostname, outside the definition's directory/,
    ],
    ['a relative symlink out', 'files/to-parent', /leads through a symlink to .*\/host-secret, outside/],
    ['a symlink to /dev/zero', 'files/zero', /'files\/zero' leads through a symlink to \/dev\/zero, outside/],
  ];
  for (const [what, source, message] of refused) {
    it(`refuses ${what}, naming the file, the key and the rule`, async () => {
      const path = await definition('hostile', source);
      await assert.rejects(plan(path), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.input, 'variants');
        assert.match(e.message, /^input 'variants': .*\/defs\/hostile\.yaml: key 'files\.0\.source': /);
        assert.match(e.message, message);
        assert.match(e.message, SOURCE_RULE);
        return true;
      });
    });
  }

  const notRegular: [string, string, RegExp][] = [
    ['a FIFO (its open would block)', 'files/fifo', /'files\/fifo' is a FIFO \(accepted: a regular file\)/],
    ['a directory', 'files', /'files' is a directory \(accepted: a regular file\)/],
    [
      'a file over the size limit',
      'files/big',
      new RegExp(`'files/big' is ${MAX_SOURCE_BYTES + 1} bytes, more than the limit of ${MAX_SOURCE_BYTES}`),
    ],
    ['a missing file', 'files/nope', /'files\/nope' does not exist$/],
    [
      'a path through a file',
      'files/motd/x',
      /'files\/motd\/x' has a path component that is not a directory$/,
    ],
  ];
  for (const [what, source, message] of notRegular) {
    it(`refuses ${what}, naming the file and the key`, async () => {
      const path = await definition('irregular', source);
      await assert.rejects(plan(path), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.match(e.message, /^input 'variants': .*\/defs\/irregular\.yaml: key 'files\.0\.source': /);
        assert.match(e.message, message);
        return true;
      });
    });
  }

  it('reads sources inside the directory, through symlinks that stay inside, up to the limit', async () => {
    const path = join(defs, 'fine.yaml');
    await writeFile(
      path,
      [
        'description: x',
        'files:',
        '  - { path: /etc/a, source: files/motd }',
        '  - { path: /etc/b, source: ./files/../files/to-motd }',
        '  - { path: /etc/c, source: files/max }',
        '',
      ].join('\n'),
    );
    const p = await plan(path);
    assert.deepEqual(
      p.files.map((f) => [f.path, f.content.length]),
      [
        ['/etc/a', 6],
        ['/etc/b', 6],
        ['/etc/c', MAX_SOURCE_BYTES],
      ],
    );
    assert.equal(p.files[1]!.content.toString(), 'hello\n');
  });

  it('refuses a variant whose files together pass the per-variant limit, naming the entry that crossed it', async () => {
    const count = Math.floor(MAX_VARIANT_FILES_BYTES / MAX_SOURCE_BYTES) + 1;
    const path = join(defs, 'many.yaml');
    await writeFile(
      path,
      [
        'description: x',
        'files:',
        ...Array.from({ length: count }, (_, i) => `  - { path: /etc/m${i}, source: files/max }`),
      ].join('\n'),
    );
    await assert.rejects(
      plan(path),
      new RegExp(
        `many\\.yaml: key 'files\\.${count - 1}': the variant's files reach ${count * MAX_SOURCE_BYTES} bytes, more than the limit of ${MAX_VARIANT_FILES_BYTES / 1024 / 1024} MiB per variant`,
      ),
    );
  });

  it('refuses a source with a NUL or a newline in the schema', async () => {
    const path = join(defs, 'nul.yaml');
    await writeFile(path, 'description: x\nfiles:\n  - { path: /etc/x, source: "a\\0b" }\n');
    await assert.rejects(
      loadDefinition(path),
      /nul\.yaml: key 'files\.0\.source': must be a relative path without NUL/,
    );
  });
});

describe('definition files', () => {
  const refused: [string, () => Promise<string>, RegExp][] = [
    [
      'a device',
      async () => '/dev/zero',
      /definition file '\/dev\/zero' is a character device \(accepted: a regular file\)/,
    ],
    [
      'a directory',
      async () => {
        await mkdir(join(dir, 'dir.yaml'), { recursive: true });
        return join(dir, 'dir.yaml');
      },
      /definition file '.*\/dir\.yaml' is a directory/,
    ],
    [
      'a FIFO',
      async () => {
        execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
        return join(dir, 'fifo.yaml');
      },
      /definition file '.*\/fifo\.yaml' is a FIFO/,
    ],
    [
      'a file over the limit',
      async () => {
        await writeFile(join(dir, 'huge.yaml'), '');
        await truncate(join(dir, 'huge.yaml'), MAX_DEFINITION_BYTES + 1);
        return join(dir, 'huge.yaml');
      },
      new RegExp(
        `definition file '.*/huge\\.yaml' is ${MAX_DEFINITION_BYTES + 1} bytes, more than the limit`,
      ),
    ],
    [
      'a path through a file',
      async () => join(dir, 'host-secret', 'x.yaml'),
      /definition file '.*\/host-secret\/x\.yaml' has a path component that is not a directory$/,
    ],
  ];
  for (const [what, make, message] of refused) {
    it(`refuses ${what} as a definition, naming the input`, async () => {
      const spec = await make();
      await assert.rejects(loadDefinition(spec), (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.equal(e.input, 'variants');
        assert.match(e.message, message);
        return true;
      });
    });
  }
});
