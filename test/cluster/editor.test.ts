/**
 * The editor's cluster requests over the language server protocol (issue 17), against the real API server that
 * scripts/test-cluster.sh starts: the bundled server (dist/server.js --stdio) answers podLens/verify for the pod at
 * the cursor with the prediction, the server's answer and what admission changed; a rejected pod's validation
 * errors carry their field's range (the client turns them into diagnostics); 403, 401 and a missing kubeconfig
 * are one clear sentence; the contexts, namespaces and live pods for the quick picks; a live pod's YAML, opened
 * under a `podlens:` URI, gets the same observed-pod diagnostics as a file. No credential in any answer or log.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LspClient } from '../support/lspClient';
import type { ClusterContextsResult, ClusterNamespacesResult, LivePodResult, LivePodsResult, VerifyResult } from '../../server/src/protocol/cluster';
import { ADMIN_TOKEN, KUBECONFIG, assertNoCredentials, namespace, ok, writeTemp } from './admin';

const NS = 'editor-limits';
const PLAIN = 'editor-plain';

const TWO_PODS = `apiVersion: v1
kind: Pod
metadata:
  name: guaranteed
  namespace: ${NS}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources: { limits: { cpu: 200m, memory: 64Mi } }
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: ${NS}
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const REJECTED = `apiVersion: v1
kind: Pod
metadata:
  name: upside-down
  namespace: ${PLAIN}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "2"
        limits:
          cpu: "1"
`;

describe('the editor asks the cluster through the language server', () => {
  let client: LspClient;
  const cluster = { kubeconfig: KUBECONFIG };
  const answers: unknown[] = [];
  const ask = async <T>(method: string, params: unknown): Promise<T> => {
    const r = await client.request<T>(method, params);
    answers.push(r);
    return r;
  };

  before(async () => {
    await namespace(NS);
    await ok('POST', `/api/v1/namespaces/${NS}/limitranges`, { metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
    await namespace(PLAIN);
    client = new LspClient();
    await client.initialize();
  });
  after(async () => {
    const log = client.stderr.join('');
    await client.shutdown();
    assertNoCredentials(JSON.stringify(answers) + log, assert);
  });

  it('verifies the pod at the cursor: prediction, the server answer, what admission changed and why', async () => {
    const uri = 'file:///tmp/editor-two-pods.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, TWO_PODS);
    await wait;
    const line = TWO_PODS.split('\n').findIndex((l) => l === '  name: plain');
    const r = await ask<VerifyResult>('podLens/verify', { textDocument: { uri }, position: { line, character: 4 }, cluster });
    assert.ok(r.ok, !r.ok ? r.message : '');
    assert.equal(r.context, 'admin');
    assert.equal(r.version, 1);
    assert.equal(r.clusterVersion?.minor, '1.37');
    assert.equal(r.targetVersion, '1.37');
    assert.equal(r.objects.length, 1, 'only the pod at the cursor is sent');
    const [o] = r.objects;
    assert.equal(o!.name, 'plain');
    assert.equal(o!.namespace, NS);
    assert.equal(o!.range.start.line, 11);
    assert.deepEqual(o!.predicted, { qosClass: 'BestEffort', requests: {}, limits: {} });
    assert.deepEqual(o!.server, { qosClass: 'Burstable', requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    assert.deepEqual(o!.containers, [{ name: 'app', role: 'app', predicted: { requests: {}, limits: {} }, server: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } }]);
    const byPath = new Map(o!.changes.map((c) => [c.path, c]));
    assert.deepEqual(byPath.get('spec.containers[app].resources.requests.memory'), { path: 'spec.containers[app].resources.requests.memory', change: 'added', from: null, to: '128Mi', cause: 'a LimitRange default, set by the LimitRanger admission plugin' });
    assert.deepEqual(byPath.get('status.qosClass'), { path: 'status.qosClass', change: 'changed', from: 'BestEffort', to: 'Burstable', cause: 'the resources that admission set, listed above' });
    assert.deepEqual(o!.errors, []);

    // The first pod sets its limits: requests come from them (API defaulting, not admission), nothing added to resources.
    const first = await ask<VerifyResult>('podLens/verify', { textDocument: { uri }, position: { line: 3, character: 8 }, cluster });
    assert.ok(first.ok);
    assert.equal(first.objects[0]!.name, 'guaranteed');
    assert.equal(first.objects[0]!.server!.qosClass, 'Guaranteed');
    assert.deepEqual(first.objects[0]!.changes.filter((c) => c.path.includes('.resources.')), []);

    // No position: every pod of the document.
    const all = await ask<VerifyResult>('podLens/verify', { textDocument: { uri }, cluster });
    assert.ok(all.ok);
    assert.deepEqual(all.objects.map((x) => x.name), ['guaranteed', 'plain']);
    assert.deepEqual((await ok('GET', `/api/v1/namespaces/${NS}/pods`)).items, [], 'dry run: nothing was created');
  });

  it('a rejected pod: its validation error at the range of the field it names', async () => {
    const uri = 'file:///tmp/editor-rejected.yaml';
    await client.open(uri, REJECTED);
    const r = await ask<VerifyResult>('podLens/verify', { textDocument: { uri }, position: { line: 8, character: 10 }, cluster });
    assert.ok(r.ok);
    const [o] = r.objects;
    assert.equal(o!.server, null);
    assert.equal(o!.errors.length, 1);
    assert.equal(o!.errors[0]!.field, 'spec.containers[0].resources.requests');
    assert.match(o!.errors[0]!.message, /^spec\.containers\[0\]\.resources\.requests: Invalid value: "2": must be less than or equal to cpu limit of 1/);
    assert.deepEqual(o!.errors[0]!.range.start, { line: 10, character: 8 });
  });

  it('403, 401, an unknown context and no kubeconfig: one clear sentence each', async () => {
    const uri = 'file:///tmp/editor-rejected.yaml';
    const verify = (target: Record<string, string>) => ask<VerifyResult>('podLens/verify', { textDocument: { uri }, position: { line: 8, character: 10 }, cluster: target });
    const forbidden = await verify({ kubeconfig: KUBECONFIG, context: 'viewer' });
    assert.deepEqual(forbidden, { ok: false, message: `Context viewer may not create pods (dry run) in namespace ${PLAIN} (403 Forbidden): pods is forbidden: User "viewer" cannot create resource "pods" in API group "" in the namespace "${PLAIN}"` });
    const wrong = writeTemp('kubeconfig', fs.readFileSync(KUBECONFIG, 'utf8').replace(ADMIN_TOKEN, 'not-a-valid-token-0123456789'));
    const unauthorized = await verify({ kubeconfig: wrong });
    assert.equal(unauthorized.ok, false);
    assert.match(!unauthorized.ok ? unauthorized.message : '', /^The cluster at https:\/\/127\.0\.0\.1:\d+ did not accept the credentials of context admin \(401 Unauthorized\)/);
    assert.deepEqual(await verify({ kubeconfig: KUBECONFIG, context: 'nope' }), { ok: false, message: 'The kubeconfig has no context named nope (it has: admin, viewer).' });
    assert.deepEqual(await verify({ kubeconfig: '/nonexistent/kubeconfig' }), { ok: false, message: 'No kubeconfig at /nonexistent/kubeconfig.' });
    const namespaces = await ask<ClusterNamespacesResult>('podLens/clusterNamespaces', { cluster: { kubeconfig: KUBECONFIG, context: 'viewer' } });
    assert.deepEqual(namespaces, { ok: false, message: 'Context viewer may not list namespaces (403 Forbidden): namespaces is forbidden: User "viewer" cannot list resource "namespaces" in API group "" at the cluster scope' });
    // A request for a document the server does not have, and junk params, still answer.
    assert.equal((await ask<VerifyResult>('podLens/verify', { textDocument: { uri: 'file:///nope.yaml' }, cluster })).ok, false);
    assert.equal((await ask<VerifyResult>('podLens/verify', { textDocument: 5, position: 'x', cluster: [1] })).ok, false);
  });

  it('contexts, namespaces and live pods for the quick picks; a live pod explained like a file', async () => {
    const contexts = await ask<ClusterContextsResult>('podLens/clusterContexts', { cluster });
    assert.deepEqual(contexts, { ok: true, current: 'admin', contexts: ['admin', 'viewer'] });
    const namespaces = await ask<ClusterNamespacesResult>('podLens/clusterNamespaces', { cluster });
    assert.ok(namespaces.ok);
    assert.equal(namespaces.defaultNamespace, 'default');
    assert.ok(namespaces.namespaces.includes(NS) && namespaces.namespaces.includes('kube-system'));

    await ok('POST', `/api/v1/namespaces/${PLAIN}/pods`, { metadata: { name: 'shop', labels: { app: 'shop' } }, spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'shop:1', resources: { limits: { memory: '128Mi' } } }] } });
    await ok('POST', `/api/v1/namespaces/${PLAIN}/pods`, { metadata: { name: 'other', labels: { app: 'other' } }, spec: { nodeName: 'node-1', containers: [{ name: 'app', image: 'other:1' }] } });
    const at = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await ok('PATCH', `/api/v1/namespaces/${PLAIN}/pods/shop/status`, { status: {
      phase: 'Running', startTime: at,
      containerStatuses: [{ name: 'app', image: 'shop:1', imageID: '', ready: true, started: true, restartCount: 1, containerID: 'containerd://' + '1'.repeat(64),
        state: { running: { startedAt: at } }, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at, finishedAt: at, containerID: 'containerd://' + '2'.repeat(64) } } }],
    } });
    const pods = await ask<LivePodsResult>('podLens/livePods', { cluster, namespace: PLAIN, labelSelector: 'app=shop' });
    assert.ok(pods.ok);
    assert.deepEqual(pods.pods.map((p) => [p.name, p.phase, p.restarts]), [['shop', 'Running', 1]]);
    const everyPod = await ask<LivePodsResult>('podLens/livePods', { cluster, namespace: PLAIN });
    assert.ok(everyPod.ok);
    assert.deepEqual(everyPod.pods.map((p) => p.name), ['other', 'shop']);

    const live = await ask<LivePodResult>('podLens/livePod', { cluster, namespace: PLAIN, name: 'shop' });
    assert.ok(live.ok);
    assert.equal(live.namespace, PLAIN);
    assert.match(live.yaml, /^kind: Pod$/m);
    assert.match(live.yaml, /^  name: shop$/m);
    assert.doesNotMatch(live.yaml, /managedFields/);
    const uri = `podlens:/${PLAIN}/shop.yaml?context%3Dadmin`;
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, live.yaml);
    const diagnostics = await wait;
    const oom = diagnostics.find((d) => d.code === 'observed-pod-explanation' || d.code === 'observed-pod-problem');
    assert.ok(oom, `an observed-pod diagnostic: ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`);
    assert.ok(diagnostics.some((d) => /OOM|out of memory/i.test(d.message)), 'the OOM kill is explained');

    const missing = await ask<LivePodResult>('podLens/livePod', { cluster, namespace: PLAIN, name: 'gone' });
    assert.deepEqual(missing, { ok: false, message: `Pod gone does not exist in namespace ${PLAIN} on the cluster of context admin.` });
  });
});
