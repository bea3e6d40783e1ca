/**
 * The bearer token flow of the distribution auth spec (what GHCR uses)
 * against the real registry in `auth: token` mode, with a loopback token
 * service issuing JWTs the registry verifies.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { RegistryClient } from '../../shared/oci/registry-client.ts';
import { startRegistry, type TestRegistry } from '../support/registry.ts';

let registry: TestRegistry;
beforeAll(async () => {
  registry = await startRegistry({ users: { alice: 's3cret' } });
});
afterAll(async () => {
  await registry?.stop();
});

test('a push with credentials gets a token per scope, reported for masking', async () => {
  const tokens: string[] = [];
  const c = new RegistryClient({
    registry: registry.host,
    credentials: { username: 'alice', password: 's3cret' },
    onToken: (t) => tokens.push(t),
  });
  const r = await c.uploadBlob('team/auth', { bytes: Buffer.from('hello') });
  assert.equal(r.uploaded, true);
  assert.equal(await c.headBlob('team/auth', r.digest), 5);
  assert.ok(tokens.length >= 2 && tokens.every((t) => t.split('.').length === 3), 'JWTs were handed out');
  const asked = registry.tokenServer!.requests.map((q) => `${q.user} ${q.scopes.join(' ')}`);
  assert.ok(asked.includes('alice repository:team/auth:pull,push'), asked.join('\n'));
  assert.ok(asked.includes('alice repository:team/auth:pull'), asked.join('\n'));
});

test('no credentials: the anonymous token grants nothing and the error says so', async () => {
  const c = new RegistryClient({ registry: registry.host, retry: { attempts: 1 } });
  await assert.rejects(
    c.listTags('team/auth'),
    /registry 127\.0\.0\.1:\d+: list tags of team\/auth failed: HTTP 401 unauthorized: no credentials given/,
  );
});

test('a wrong password is refused by the token service, named in the error', async () => {
  const c = new RegistryClient({
    registry: registry.host,
    credentials: { username: 'alice', password: 'wrong' },
  });
  await assert.rejects(
    c.listTags('team/auth'),
    /list tags of team\/auth failed: token service http:\/\/127\.0\.0\.1:\d+\/token refused repository:team\/auth:pull \(HTTP 401\)/,
  );
});
