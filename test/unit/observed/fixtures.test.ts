/**
 * Every reason of issue 14, from status fixtures written after the Kubernetes sources (each fixture file
 * cites the function that sets its fields), at the default version (1.37) and at 1.34.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosisLine, formatTime, needsAttention, slowStart, slowStartPhrase } from '../../../server/src/analysis/observed/index';
import { explain, fixture, only, VERSIONS } from './helpers';

const at = (iso: string) => Date.parse(iso);

for (const v of VERSIONS) {
  describe(`observed pods at Kubernetes ${v}`, () => {
    it('CrashLoopBackOff after OOMKilled: cause, signal, back-off from the kubelet message, next restart, memory limit', () => {
      const p = only(fixture('crashloop-oom.yaml'), v);
      assert.equal(p.name, 'web-7d4b9c-x2x5k');
      assert.equal(p.namespace, 'shop');
      assert.equal(p.phase, 'Running');
      assert.equal(p.attention, 'failing');
      const c = p.containers[0]!;
      assert.deepEqual(
        { role: c.role, state: c.state, reason: c.reason, exitCode: c.exitCode, signal: c.signal, restartCount: c.restartCount, cause: c.cause, backoffSeconds: c.backoffSeconds, memoryLimit: c.memoryLimit },
        { role: 'app', state: 'waiting', reason: 'CrashLoopBackOff', exitCode: 137, signal: 9, restartCount: 5, cause: 'oom-killed', backoffSeconds: 160, memoryLimit: '256Mi' },
      );
      // finishedAt 10:20:40 + 2m40s (restartCount 5: 10 s doubled four times).
      assert.equal(formatTime(c.nextRestartAt!), '2026-12-04T10:23:20Z');
      assert.equal(c.backoff?.computed, 160, 'restartCount 5 gives the same back-off as the message');
      assert.equal(diagnosisLine(p, at('2026-12-04T10:20:40Z')), 'CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart in 2m40s');
      const oom = p.points.find((x) => x.spec?.path === 'containers[0].resources.limits.memory');
      assert.ok(oom, 'the OOM kill points at the memory limit');
      assert.match(oom.specMessage!, /OOMKilled at this limit \(256Mi\), 5 restart/);
      assert.ok(p.points.some((x) => /^QoS class Burstable: /.test(x.message)), 'the OOM kill is set against the QoS class');
    });

    it('ContainerCreating past the kubelet\'s 2m3s wait for volumes is stuck: volumes/sandbox before PodReadyToStartContainers, the image after', () => {
      const [db, ml] = explain(fixture('container-creating.yaml'), v);
      for (const p of [db!, ml!]) {
        assert.equal(p.attention, 'progressing');
        assert.equal(needsAttention(p, at('2026-12-04T11:02:03Z')), false, 'at 2m3s the kubelet is still waiting');
        assert.equal(needsAttention(p, at('2026-12-04T11:02:04Z')), true, 'past 2m3s it is stuck');
      }
      assert.equal(diagnosisLine(db!, at('2026-12-04T11:00:30Z')), 'ContainerCreating: postgres');
      assert.equal(diagnosisLine(db!, at('2026-12-04T11:05:12Z')), 'ContainerCreating: postgres; for 5m12s since the pod was scheduled');
      const volumes = slowStart(db!, at('2026-12-04T11:05:12Z'))!;
      assert.deepEqual({ name: volumes.container.name, seconds: volumes.seconds, sandboxReady: volumes.sandboxReady }, { name: 'postgres', seconds: 312, sandboxReady: false });
      assert.match(slowStartPhrase(volumes), /longer than the kubelet's 2m3s wait for volumes: a volume cannot be attached or mounted/);
      const image = slowStart(ml!, at('2026-12-04T11:10:00Z'))!;
      assert.equal(image.sandboxReady, true);
      assert.match(slowStartPhrase(image), /^trainer has been ContainerCreating for 10m0s since the pod was scheduled, with its sandbox ready: the image is still being pulled/);
    });

    it('ImagePullBackOff and ErrImagePull in a List: cause image-pull, pointing at the image', () => {
      const [a, b] = explain(fixture('image-pull.yaml'), v);
      assert.equal(a!.containers[0]!.cause, 'image-pull');
      assert.equal(a!.containers[0]!.reason, 'ImagePullBackOff');
      assert.equal(b!.containers[0]!.reason, 'ErrImagePull');
      assert.equal(b!.containers[0]!.cause, 'image-pull');
      assert.ok(a!.points.some((x) => x.spec?.path === 'containers[0].image'));
      assert.equal(a!.attention, 'failing');
    });

    it('CreateContainerConfigError: the env entry that names the missing ConfigMap key', () => {
      const p = only(fixture('config-error.yaml'), v);
      assert.equal(p.containers[0]!.cause, 'config-error');
      const point = p.points.find((x) => x.spec);
      assert.equal(point?.spec?.path, 'containers[0].env[1]');
      assert.match(point!.message, /couldn't find key db-url in ConfigMap shop\/web-config/);
    });

    it('an init container stuck in a crash loop, its sidecar running, the app waiting', () => {
      const p = only(fixture('init-stuck.yaml'), v);
      const by = Object.fromEntries(p.containers.map((c) => [c.name, c]));
      assert.equal(by['log-shipper']!.role, 'sidecar');
      assert.equal(by['log-shipper']!.attention, 'ok');
      assert.equal(by['wait-db']!.role, 'init');
      assert.equal(by['wait-db']!.cause, 'error-exit');
      assert.equal(by['wait-db']!.exitCode, 1);
      assert.equal(by['wait-db']!.signal, null);
      assert.equal(by['wait-db']!.backoffSeconds, 40);
      assert.equal(formatTime(by['wait-db']!.nextRestartAt!), '2026-12-04T08:01:50Z');
      assert.equal(by['worker']!.attention, 'progressing');
      assert.equal(p.attention, 'failing');
      assert.equal(p.conditions.find((c) => c.type === 'Initialized')?.status, 'False');
    });

    it('137 after a liveness kill: liveness-failed, pointing at the probe; the running pod needs no attention', () => {
      const p = only(fixture('liveness-kill.yaml'), v);
      const c = p.containers[0]!;
      assert.equal(c.state, 'running');
      assert.equal(c.cause, 'liveness-failed');
      assert.equal(c.exitCode, 137);
      assert.ok(p.points.some((x) => x.spec?.path === 'containers[0].livenessProbe'));
      assert.equal(needsAttention(p, at('2026-12-04T11:06:00Z')), false);
    });

    it('137 while being deleted: grace-period-expired; 143 is the expected stop; the kill comes at deletionTimestamp', () => {
      const p = only(fixture('deleting.yaml'), v);
      const [app, side] = p.containers;
      assert.equal(app!.cause, 'grace-period-expired');
      assert.equal(side!.signal, 15);
      assert.equal(formatTime(p.deletion!.requestedAt!), '2026-12-04T12:00:00Z');
      assert.equal(formatTime(p.deletion!.killAt), '2026-12-04T12:00:30Z');
      assert.equal(p.attention, 'terminating');
      assert.equal(needsAttention(p, at('2026-12-04T12:00:10Z')), false);
      assert.equal(needsAttention(p, at('2026-12-04T12:10:00Z')), true, 'a pod still there long after its kill time is stuck');
      assert.match(diagnosisLine(p, at('2026-12-04T12:00:10Z')), /deleting: SIGKILL in 20s/);
    });

    it('Evicted: status.reason and DisruptionTarget make 137 an eviction', () => {
      const p = only(fixture('evicted.yaml'), v);
      assert.equal(p.evicted, true);
      assert.equal(p.containers[0]!.cause, 'evicted');
      assert.equal(p.attention, 'failing');
      assert.match(diagnosisLine(p, 0), /^Evicted: The node was low on resource: memory/);
      const usage = p.points.find((x) => x.spec?.path === 'containers[0].resources.requests.memory');
      assert.match(usage!.message, /crunch used 1200Mi of memory against a request of 256Mi/);
    });

    it('Unschedulable: "3 Insufficient cpu" against the effective request (init peak 6 > 4.5)', () => {
      const p = only(fixture('unschedulable.yaml'), v);
      assert.equal(p.attention, 'stuck');
      assert.deepEqual(p.scheduling?.reasons, [{ count: 3, text: 'Insufficient cpu', insufficient: 'cpu' }]);
      assert.ok(p.containers.every((c) => c.cause === 'unschedulable'));
      const cpu = p.points.find((x) => x.spec);
      assert.equal(cpu?.spec?.path, 'initContainers[0].resources.requests.cpu');
      assert.match(cpu!.message, /effective request of 6 /);
    });

    it('exit codes 0, 1, 126, 127, 143 and 139 (signal 11)', () => {
      const pods = explain(fixture('exit-codes.yaml'), v);
      const got = pods.map((p) => [p.name, p.containers[0]!.exitCode, p.containers[0]!.signal, p.containers[0]!.cause, needsAttention(p, 0)]);
      assert.deepEqual(got, [
        ['ok', 0, null, 'completed', false],
        ['one', 1, null, 'error-exit', true],
        ['not-executable', 126, null, 'error-exit', true],
        ['not-found', 127, null, 'error-exit', true],
        ['sigterm', 143, 15, 'error-exit', true],
        ['segv', 139, 11, 'error-exit', true],
      ]);
      assert.ok(pods[3]!.points.some((x) => x.spec?.path === 'containers[0].command'), '127 points at the command');
      assert.ok(pods[5]!.points.some((x) => /SIGSEGV/.test(x.message)));
    });

    it('a healthy running pod needs nothing', () => {
      const p = only(fixture('running.yaml'), v);
      assert.equal(p.attention, 'ok');
      assert.equal(p.points.length, 0);
      assert.equal(diagnosisLine(p, 0), 'Running · ready');
    });
  });
}
