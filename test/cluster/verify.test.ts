/**
 * `pod-lens verify` against a real kube-apiserver (issue 17; scripts/test-cluster.sh starts it): LimitRange
 * defaults that change the QoS class, a pod the server rejects (its field error at the field's range), a
 * Deployment verified as the Pod its controller would build, and proof that dry-run created nothing.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertDryRunOnly } from '../../server/src/node/cluster/request';
import { KUBECONFIG, admin, assertNoCredentials, cli, namespace, ok, writeTemp } from './admin';

const BEST_EFFORT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: plain
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const REJECTED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: upside-down
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

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web, tier: front }
      annotations: { team: lens }
    spec:
      initContainers:
        - name: migrate
          image: busybox:1.36
          resources: { requests: { cpu: 500m, memory: 128Mi }, limits: { cpu: 500m, memory: 128Mi } }
      containers:
        - name: app
          image: nginx:1.27
          resources: { requests: { cpu: 250m, memory: 64Mi }, limits: { cpu: 250m, memory: 64Mi } }
`;

describe('pod-lens verify on a real API server', () => {
  let limited: string;
  let plainNs: string;
  before(async () => {
    limited = await namespace('verify-limits');
    await ok('POST', `/api/v1/namespaces/${limited}/limitranges`, { metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } });
    plainNs = await namespace('verify-plain');
  });

  it('a LimitRange turns a BestEffort prediction into a Burstable pod, and says so', async () => {
    const file = writeTemp('plain.yaml', BEST_EFFORT_POD);
    const r = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', limited, '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.context, 'admin');
    assert.equal(report.clusterVersion.gitVersion, 'v1.37.2');
    const [o] = report.objects;
    assert.equal(o.kind, 'Pod');
    assert.equal(o.namespace, limited);
    assert.deepEqual(o.predicted, { qosClass: 'BestEffort', requests: {}, limits: {} });
    assert.deepEqual(o.server, { qosClass: 'Burstable', requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    const byPath = new Map(o.changes.map((c: any) => [c.path, c]));
    assert.deepEqual(byPath.get('spec.containers[app].resources.requests.cpu'), { path: 'spec.containers[app].resources.requests.cpu', change: 'added', from: null, to: '100m', cause: 'a LimitRange default, set by the LimitRanger admission plugin' });
    assert.equal((byPath.get('spec.containers[app].resources.limits.memory') as any).to, '256Mi');
    assert.equal((byPath.get('metadata.annotations[kubernetes.io/limit-ranger]') as any).to, 'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
    assert.deepEqual(byPath.get('status.qosClass'), { path: 'status.qosClass', change: 'changed', from: 'BestEffort', to: 'Burstable', cause: 'the resources that admission set, listed above' });
    assert.ok(o.changes.some((c: any) => c.path.startsWith('spec.volumes[kube-api-access-') && c.cause.startsWith('ServiceAccount admission plugin')), 'the token volume is explained');
    assert.deepEqual(o.errors, []);
    assertNoCredentials(r.out + r.err, assert);

    const text = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', limited, file]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /Pod\/plain in namespace verify-limits: accepted by the server \(dry run, nothing created\)/);
    assert.match(text.out, /Pod Lens predicted: QoS BestEffort; requests -; limits -/);
    assert.match(text.out, /the server answered: QoS Burstable; requests cpu=100m memory=128Mi; limits cpu=500m memory=256Mi/);
    assert.match(text.out, /status\.qosClass: BestEffort → Burstable/);
  });

  it('a pod the server rejects: exit 1, its validation error at the field it names', async () => {
    const file = writeTemp('bad.yaml', REJECTED_POD);
    const r = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', plainNs, '--format', 'json', file]);
    assert.equal(r.code, 1, r.err);
    const [o] = JSON.parse(r.out).objects;
    assert.equal(o.server, null);
    assert.equal(o.errors.length, 1);
    const [e] = o.errors;
    assert.equal(e.field, 'spec.containers[0].resources.requests');
    assert.equal(e.reason, 'FieldValueInvalid');
    assert.match(e.message, /^spec\.containers\[0\]\.resources\.requests: Invalid value: "2": must be less than or equal to cpu limit of 1/);
    // `requests:` is on line 10 (0-based 9), 8 spaces in.
    assert.deepEqual(e.range.start, { line: 9, character: 8 });
    const text = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', plainNs, file]);
    assert.equal(text.code, 1);
    assert.match(text.out, /bad\.yaml:10:9: error spec\.containers\[0\]\.resources\.requests: Invalid value/);
  });

  it('a Deployment is verified as the Pod its controller builds from the template; nothing admission did to resources', async () => {
    const file = writeTemp('web.yaml', DEPLOYMENT);
    const r = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', plainNs, '--format', 'json', file]);
    assert.equal(r.code, 0, r.err);
    const [o] = JSON.parse(r.out).objects;
    assert.equal(o.kind, 'Deployment');
    assert.equal(o.name, 'web');
    assert.equal(o.line, 1);
    assert.deepEqual(o.predicted, { qosClass: 'Guaranteed', requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } });
    assert.deepEqual(o.server, o.predicted);
    assert.deepEqual(o.changes.filter((c: any) => c.path.includes('.resources.') || c.path === 'status.qosClass'), []);
    // Only the token volume and the default tolerations: the template's labels and annotations went through.
    assert.deepEqual(o.changes.map((c: any) => c.path.replace(/kube-api-access-\w+/, 'kube-api-access-*')).sort(), [
      'spec.tolerations[node.kubernetes.io/not-ready]', 'spec.tolerations[node.kubernetes.io/unreachable]', 'spec.volumes[kube-api-access-*]',
    ]);
  });

  it('the shipped CLI bundle loads the cluster client from its own bundle (dist/kube-client.js) and verifies', async () => {
    const file = writeTemp('plain.yaml', BEST_EFFORT_POD);
    const root = path.resolve(__dirname, '../../..');
    const run = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), 'verify', '--kubeconfig', KUBECONFIG, '-n', limited, '--format', 'json', file], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).objects[0].server.qosClass, 'Burstable');
    // `check` never loads it: the CLI bundle stays small.
    assert.ok(fs.statSync(path.join(root, 'dist/cli.js')).size < 4 * 1024 * 1024, 'dist/cli.js does not inline @kubernetes/client-node');
  });

  it('dry-run created nothing on the cluster', async () => {
    const file = writeTemp('both.yaml', `${BEST_EFFORT_POD}---\n${DEPLOYMENT}`);
    for (const ns of [limited, plainNs]) {
      const r = await cli(['verify', '--kubeconfig', KUBECONFIG, '-n', ns, file]);
      assert.equal(r.code, 0, r.err);
      const pods = await ok('GET', `/api/v1/namespaces/${ns}/pods`);
      assert.deepEqual(pods.items, [], `pods in ${ns}`);
      const deployments = await ok('GET', `/apis/apps/v1/namespaces/${ns}/deployments`);
      assert.deepEqual(deployments.items, []);
    }
    // The same create without dryRun would have stored the pod: the check above can fail.
    const stored = await admin('POST', `/api/v1/namespaces/${plainNs}/pods`, { metadata: { name: 'control' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } });
    assert.equal(stored.status, 201);
    assert.equal((await ok('GET', `/api/v1/namespaces/${plainNs}/pods`)).items.length, 1);
    await ok('DELETE', `/api/v1/namespaces/${plainNs}/pods/control?gracePeriodSeconds=0`);
  });

  it('refuses, before sending, anything but GET and POST with dryRun=All', () => {
    assert.doesNotThrow(() => assertDryRunOnly('GET', '/api/v1/namespaces/a/pods'));
    assert.doesNotThrow(() => assertDryRunOnly('POST', '/api/v1/namespaces/a/pods?dryRun=All&fieldManager=pod-lens'));
    for (const [m, p] of [['POST', '/api/v1/namespaces/a/pods'], ['POST', '/api/v1/namespaces/a/pods?dryRun=None'], ['POST', '/api/v1/namespaces/a/pods?dryRun=All&dryRun=None'],
      ['PUT', '/api/v1/namespaces/a/pods/x?dryRun=All'], ['PATCH', '/api/v1/namespaces/a/pods/x?dryRun=All'], ['DELETE', '/api/v1/namespaces/a/pods/x?dryRun=All'], ['POST', '/api/v1/namespaces/a/pods?xdryRun=All']] as const) {
      assert.throws(() => assertDryRunOnly(m, p), /only GET and dry-run POST/, `${m} ${p}`);
    }
  });
});
