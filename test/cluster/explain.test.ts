/**
 * `pod-lens explain --from-cluster NS/POD` against a real kube-apiserver (issue 17). The API server runs no
 * scheduler and no kubelet, so the test's admin client plays both: it creates each pod already bound to a node
 * (spec.nodeName) and writes `pods/status` the way the kubelet does (generateAPIPodStatus, and the container
 * statuses of kuberuntime: running + ready, restarted after an OOM kill, CrashLoopBackOff). Pod Lens only reads
 * (GET) and must name the real cause. Also: clear messages for a pod that does not exist, 401 and 403.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ADMIN_TOKEN, KUBECONFIG, assertNoCredentials, cli, namespace, ok, writeTemp } from './admin';

const NS = 'explain-live';
const NOW = Date.parse('2026-12-05T12:00:00Z');
const at = (secondsBefore: number) => new Date(NOW - secondsBefore * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

function pod(name: string, memoryLimit: string) {
  return {
    metadata: { name, labels: { app: 'shop', case: name } },
    spec: {
      nodeName: 'node-1',
      containers: [{ name: 'app', image: 'registry.example.com/shop:2.1', resources: { requests: { cpu: '100m', memory: memoryLimit }, limits: { memory: memoryLimit } } }],
    },
  };
}

function conditions(ready: boolean) {
  const notReady = ready ? {} : { reason: 'ContainersNotReady', message: 'containers with unready status: [app]' };
  return [
    { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at(598) },
    { type: 'Initialized', status: 'True', lastTransitionTime: at(600) },
    { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: at(ready ? 590 : 30), ...notReady },
    { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: at(ready ? 590 : 30), ...notReady },
    { type: 'PodScheduled', status: 'True', lastTransitionTime: at(600) },
  ];
}

const containerId = (n: number) => `containerd://${String(n).repeat(64).slice(0, 64)}`;

/** What the kubelet writes into pods/status (a merge patch of `status`, as its status manager sends). */
function kubeletStatus(ready: boolean, container: Record<string, unknown>) {
  return {
    status: {
      phase: 'Running', conditions: conditions(ready), hostIP: '10.0.0.11', hostIPs: [{ ip: '10.0.0.11' }],
      podIP: '10.244.1.17', podIPs: [{ ip: '10.244.1.17' }], startTime: at(600),
      containerStatuses: [{ name: 'app', image: 'registry.example.com/shop:2.1', imageID: 'registry.example.com/shop@sha256:' + 'a'.repeat(64), ...container }],
    },
  };
}

async function scene(name: string, memoryLimit: string, status: ReturnType<typeof kubeletStatus>): Promise<void> {
  await ok('POST', `/api/v1/namespaces/${NS}/pods`, pod(name, memoryLimit));
  await ok('PATCH', `/api/v1/namespaces/${NS}/pods/${name}/status`, status);
}

const explain = (ref: string, ...args: string[]) => cli(['explain', '--from-cluster', ref, '--kubeconfig', KUBECONFIG, '--now', at(0), ...args]);

describe('pod-lens explain --from-cluster on a real API server', () => {
  before(async () => {
    await namespace(NS);
    await scene('healthy', '256Mi', kubeletStatus(true, { ready: true, started: true, restartCount: 0, containerID: containerId(1), state: { running: { startedAt: at(595) } } }));
    await scene('oom', '128Mi', kubeletStatus(true, {
      ready: true, started: true, restartCount: 1, containerID: containerId(2),
      state: { running: { startedAt: at(120) } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: at(590), finishedAt: at(125), containerID: containerId(3) } },
    }));
    await scene('crashloop', '256Mi', kubeletStatus(false, {
      ready: false, started: false, restartCount: 4, containerID: containerId(4),
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 1m20s restarting failed container=app pod=crashloop_${NS}(uid)` } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(32), finishedAt: at(30), containerID: containerId(4) } },
    }));
  });

  it('the status the kubelet wrote is stored (the scene is real, not a file)', async () => {
    const stored = await ok('GET', `/api/v1/namespaces/${NS}/pods/crashloop`);
    assert.equal(stored.status.containerStatuses[0].state.waiting.reason, 'CrashLoopBackOff');
    assert.equal(stored.status.qosClass, 'Burstable');
    assert.ok(stored.metadata.managedFields.length > 0, 'the server records managedFields, which Pod Lens leaves out');
  });

  it('running and ready: nothing needs attention, exit 0', async () => {
    const r = await explain(`${NS}/healthy`);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^explain-live\/healthy:\d+: Pod\/explain-live\/healthy \[Running\]: Running · ready$/m);
    assert.match(r.out, /app app · running · memory limit 256Mi/);
  });

  it('OOMKilled: names the OOM kill at the memory limit from the live spec, and the restart', async () => {
    const r = await explain(`${NS}/oom`, '--format', 'json');
    // Running and ready again after the restart: nothing is failing now (exit 0), but the last end is explained.
    assert.equal(r.code, 0, r.err);
    const [p] = JSON.parse(r.out).pods;
    assert.equal(p.name, 'oom');
    assert.equal(p.namespace, NS);
    assert.equal(p.qosClass, 'Burstable');
    const [c] = p.containers;
    assert.equal(c.state, 'running');
    assert.equal(c.cause, 'oom-killed');
    assert.equal(c.exitCode, 137);
    assert.equal(c.restartCount, 1);
    assert.equal(c.memoryLimit, '128Mi');
    assert.equal(p.attention, 'ok');
    assert.ok(p.explanations.some((e: any) => /app was OOMKilled: it used more than its memory limit of 128Mi and the kernel killed it \(exit 137\)/.test(e.message) && e.spec?.path === 'containers[0].resources.limits.memory'),
      JSON.stringify(p.explanations, null, 1));
  });

  it('CrashLoopBackOff: names the back-off, the exit code and when the kubelet restarts it', async () => {
    const r = await explain(`${NS}/crashloop`);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^explain-live\/crashloop:\d+: Pod\/explain-live\/crashloop \[Running\]: CrashLoopBackOff: app exited 1 4 times; next restart in 50s$/m);
    assert.match(r.out, /app app · waiting · CrashLoopBackOff · exit 1 · restarts 4 · error-exit/);
    assert.match(r.out, /warning: app keeps exiting and the kubelet waits 1m20s before restarting it \(restart 5\); the next restart is due at 2026-12-05T12:00:50Z\./);
    const json = JSON.parse((await explain(`${NS}/crashloop`, '--format', 'json')).out);
    assert.equal(json.pods[0].containers[0].backoffSeconds, 80);
    assert.equal(json.pods[0].containers[0].nextRestartAt, '2026-12-05T12:00:50Z');
  });

  it('POD alone uses the namespace of the context (or -n)', async () => {
    const r = await explain('healthy', '-n', NS);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Pod\/explain-live\/healthy \[Running\]/);
  });

  it('read-only: explaining changed nothing on the pod', async () => {
    const before = await ok('GET', `/api/v1/namespaces/${NS}/pods/oom`);
    await explain(`${NS}/oom`);
    const after = await ok('GET', `/api/v1/namespaces/${NS}/pods/oom`);
    assert.equal(after.metadata.resourceVersion, before.metadata.resourceVersion);
  });

  it('a pod that does not exist, 401 and 403: one clear line, exit 2, no credential', async () => {
    const expectFailure = async (r: Awaited<ReturnType<typeof cli>>, message: RegExp) => {
      assert.equal(r.code, 2, r.out);
      assert.equal(r.out, '');
      assert.match(r.err, message);
      assert.doesNotMatch(r.err, /\n\s+at .+:\d+:\d+\)?/, 'no stack trace');
      assertNoCredentials(r.out + r.err, assert);
    };
    await expectFailure(await explain(`${NS}/nope`), /^pod-lens: Pod nope does not exist in namespace explain-live on the cluster of context admin\.$/);
    const wrong = writeTemp('kubeconfig', fs.readFileSync(KUBECONFIG, 'utf8').replace(ADMIN_TOKEN, 'not-a-valid-token-0123456789'));
    await expectFailure(await cli(['explain', '--from-cluster', `${NS}/healthy`, '--kubeconfig', wrong]), /^pod-lens: The cluster at https:\/\/127\.0\.0\.1:\d+ did not accept the credentials of context admin \(401 Unauthorized\)/);
    await expectFailure(await cli(['explain', '--from-cluster', `${NS}/healthy`, '--kubeconfig', KUBECONFIG, '--context', 'viewer']),
      /^pod-lens: Context viewer may not get pods in namespace explain-live \(403 Forbidden\): pods "healthy" is forbidden: User "viewer" cannot get resource "pods" in API group "" in the namespace "explain-live"$/);
    await expectFailure(await cli(['explain', '--from-cluster', 'Bad/Name!', '--kubeconfig', KUBECONFIG]), /^pod-lens: --from-cluster takes NAMESPACE\/POD or POD \(got Bad\/Name!\)$/);
    const both = await cli(['explain', '--from-cluster', `${NS}/healthy`, '--kubeconfig', KUBECONFIG, 'pod.yaml']);
    assert.equal(both.code, 2);
  });

  // Last: l10n's configuration is global to the process.
  it('explains in zh-cn too', async () => {
    // The bundle npm run build merges from l10n/parts (the repository root is three levels above out/test/cluster).
    const bundles = path.resolve(__dirname, '..', '..', '..', 'l10n');
    const r = await cli(['explain', '--from-cluster', `${NS}/crashloop`, '--kubeconfig', KUBECONFIG, '--now', at(0), '--locale', 'zh-cn'], { VSCODE_L10N_BUNDLE_LOCATION: bundles });
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /容器“app”反复退出，kubelet 在重启它之前等待 1m20s（第 5 次重启）；下次重启时间为 2026-12-05T12:00:50Z。/);
  });
});
