/**
 * Clear messages, never stack traces, for what goes wrong between Pod Lens and a cluster (issue 17), against the
 * real API server: 401 (a token it does not know), 403 (a token with no role), a namespace that does not
 * exist, an unreachable server, no kubeconfig, an unknown context. No credential appears in any output.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { ADMIN_TOKEN, KUBECONFIG, SERVER, assertNoCredentials, cli, namespace, writeTemp } from './admin';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: app, image: nginx }]\n';

function noStack(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+\)?/, 'no stack trace');
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('pod-lens verify: clear errors', () => {
  let file: string;
  before(async () => {
    await namespace('verify-errors');
    file = writeTemp('pod.yaml', POD);
  });

  const expectFailure = async (args: string[], message: RegExp, env: Record<string, string | undefined> = {}) => {
    const r = await cli(['verify', ...args, file], env);
    assert.equal(r.code, 2, r.out);
    assert.equal(r.out, '');
    assert.match(r.err, message);
    noStack(r.err);
    assertNoCredentials(r.out + r.err, assert);
  };

  it('401: a token the server does not know', async () => {
    const wrong = writeTemp('kubeconfig', fs.readFileSync(KUBECONFIG, 'utf8').replace(ADMIN_TOKEN, 'not-a-valid-token-0123456789'));
    await expectFailure(['--kubeconfig', wrong, '-n', 'verify-errors'], /^pod-lens: The cluster at https:\/\/127\.0\.0\.1:\d+ did not accept the credentials of context admin \(401 Unauthorized\): they are missing, wrong or expired\.$/);
    const r = await cli(['verify', '--kubeconfig', wrong, file]);
    assert.ok(!r.err.includes('not-a-valid-token'), 'not even a wrong token is printed');
  });

  it('403: a context whose user has no role', async () => {
    await expectFailure(['--kubeconfig', KUBECONFIG, '--context', 'viewer', '-n', 'verify-errors'],
      /^pod-lens: Context viewer may not create pods \(dry run\) in namespace verify-errors \(403 Forbidden\): pods is forbidden: User "viewer" cannot create resource "pods" in API group "" in the namespace "verify-errors"$/);
  });

  it('a namespace that does not exist', async () => {
    await expectFailure(['--kubeconfig', KUBECONFIG, '-n', 'no-such-namespace'], /^pod-lens: Namespace no-such-namespace does not exist on the cluster of context admin\.$/);
  });

  it('an unreachable server', async () => {
    const port = await closedPort();
    const down = writeTemp('kubeconfig', fs.readFileSync(KUBECONFIG, 'utf8').replace(SERVER, `https://127.0.0.1:${port}`));
    await expectFailure(['--kubeconfig', down], new RegExp(`^pod-lens: Cannot reach the cluster at https://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
  });

  it('no kubeconfig, a missing file, an unknown context', async () => {
    const home = fs.mkdtempSync(`${fs.realpathSync(require('node:os').tmpdir())}/pod-lens-home-`);
    await expectFailure([], /^pod-lens: No kubeconfig found \(.*\.kube\/config\): set KUBECONFIG, pass --kubeconfig, or set podLens\.cluster\.kubeconfig\.$/, { KUBECONFIG: undefined, HOME: home });
    await expectFailure(['--kubeconfig', `${home}/missing`], /^pod-lens: No kubeconfig at .*missing\.$/);
    await expectFailure(['--kubeconfig', KUBECONFIG, '--context', 'prod'], /^pod-lens: The kubeconfig has no context named prod \(it has: admin, viewer\)\.$/);
  });

  it('KUBECONFIG is used when no --kubeconfig is given', async () => {
    const r = await cli(['verify', '-n', 'verify-errors', file], { KUBECONFIG: KUBECONFIG });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /accepted by the server/);
  });
});
