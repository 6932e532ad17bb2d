import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { terminationTimeline } from '../../../server/src/analysis/timing';
import { box, eventsOf, FAST, podYaml, sim } from './helpers';

const MESH = podYaml(`
  terminationGracePeriodSeconds: 20
  initContainers:
    - name: log
      image: x:1
      restartPolicy: Always
    - name: proxy
      image: x:1
      restartPolicy: Always
  containers:
    - name: app
      image: x:1
      lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } }
    - name: shell
      image: x:1
      command: ["sh", "-c", "echo start; run-app"]
`);

describe('lifecycle: termination', () => {
  it('stops app containers first, then sidecars in reverse order, sharing the grace period (timing.ts)', () => {
    const t = sim(MESH, { kind: 'delete', at: 100 });
    const expected = terminationTimeline(20, [
      { name: 'log', role: 'sidecar', preStopSeconds: 0, exitAfterSigtermSeconds: 2 },
      { name: 'proxy', role: 'sidecar', preStopSeconds: 0, exitAfterSigtermSeconds: 2 },
      { name: 'app', role: 'app', preStopSeconds: 5, exitAfterSigtermSeconds: 2 },
      { name: 'shell', role: 'app', preStopSeconds: 0 },
    ]);
    const exit = (n: string) => box(t, n).finishedAt!;
    expected.forEach((e) => assert.equal(exit(e.name), 100 + e.exit, e.name));
    assert.equal(eventsOf(t, 'app', 'sigterm')[0], 105); // after preStop
    assert.equal(exit('shell'), 120); // sh -c as PID 1 ignores SIGTERM: killed at the deadline
    assert.deepEqual(eventsOf(t, 'shell', 'sigkill'), [120]);
    assert.ok(eventsOf(t, 'proxy', 'sigterm')[0]! >= 120);
    assert.ok(exit('log') >= exit('proxy'));
    assert.equal(t.terminatingAt, 100);
    const last = t.phases[t.phases.length - 1]!;
    assert.equal(last.phase, 'Failed'); // shell was SIGKILLed (137)
    assert.ok(t.phases.some((p) => p.terminating && p.phase === 'Running'));
    assert.equal(t.conditions.find((c) => c.type === 'Ready')!.lostAt, 100);
    assert.ok(t.notes.some((n) => n.code === 'shell-pid1'));
    assert.equal(t.figures.worstCaseTermination, Math.max(...terminationTimeline(20, [
      { name: 'log', role: 'sidecar', preStopSeconds: 0 }, { name: 'proxy', role: 'sidecar', preStopSeconds: 0 },
      { name: 'app', role: 'app', preStopSeconds: 5 }, { name: 'shell', role: 'app', preStopSeconds: 0 },
    ]).map((x) => x.exit)));
  });

  it('a probe-level terminationGracePeriodSeconds applies to liveness kills', () => {
    const t = sim(podYaml(`
  terminationGracePeriodSeconds: 60
  containers:
    - name: app
      image: x:1
      command: ["sh", "-c", "a; b"]
      livenessProbe: { httpGet: { port: 1 }, periodSeconds: 10, terminationGracePeriodSeconds: 5 }
`), { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 10 }, { ...FAST, horizon: 100 });
    const kill = eventsOf(t, 'app', 'killed')[0]!;
    assert.deepEqual(eventsOf(t, 'app', 'sigkill').slice(0, 1), [kill + 5]);
  });

  it('a Job completes when its regular containers succeed; the sidecar is stopped after them', () => {
    const t = sim(podYaml(`
  restartPolicy: Never
  initContainers:
    - name: side
      image: x:1
      restartPolicy: Always
  containers:
    - name: work
      image: x:1
`, 'Job'));
    const work = box(t, 'work');
    const side = box(t, 'side');
    assert.equal(work.finishedAt, 15); // side 3..4, work 4..5, runs 10 s
    assert.equal(work.exitCode, 0);
    assert.deepEqual(eventsOf(t, 'side', 'sigterm'), [15]);
    assert.equal(side.finishedAt, 17);
    assert.equal(t.phases[t.phases.length - 1]!.phase, 'Succeeded');
    assert.equal(t.phases[t.phases.length - 1]!.from, 17);
    assert.ok(t.notes.some((n) => n.code === 'job-sidecars'));
  });
});

describe('lifecycle: node scenarios', () => {
  const WEB = podYaml(`
  containers:
    - name: app
      image: x:1
`);
  it('node unreachable: not Ready after the node monitor grace period, deleted after tolerationSeconds', () => {
    const t = sim(WEB, { kind: 'nodeUnreachable', at: 100 });
    assert.equal(t.conditions.find((c) => c.type === 'Ready')!.lostAt, 150);
    assert.equal(t.terminatingAt, 450);
    assert.equal(box(t, 'app').segments.at(-1)!.state, 'unknown');
    const custom = sim(podYaml(`
  tolerations:
    - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10 }
  containers:
    - name: app
      image: x:1
`), { kind: 'nodeUnreachable', at: 100 });
    assert.equal(custom.terminatingAt, 160);
    assert.equal(custom.figures.unreachableTolerationSeconds, 10);
  });

  it('memory pressure evicts a BestEffort pod (Failed) and keeps a Guaranteed one', () => {
    const be = sim(WEB, { kind: 'memoryPressure', at: 50 });
    assert.equal(be.figures.qosClass, 'BestEffort');
    assert.equal(be.phases.at(-1)!.phase, 'Failed');
    assert.ok(be.events.some((e) => e.kind === 'evicted' && e.at === 50));
    assert.equal(box(be, 'app').finishedAt, 52); // grace 1 s, at least 2 s after SIGTERM, app exits after 2 s
    const g = sim(podYaml(`
  containers:
    - name: app
      image: x:1
      resources: { limits: { cpu: "1", memory: 1Gi } }
`), { kind: 'memoryPressure', at: 50 });
    assert.equal(g.figures.qosClass, 'Guaranteed');
    assert.equal(g.phases.at(-1)!.phase, 'Running');
    assert.ok(g.notes.some((n) => n.code === 'guaranteed-kept'));
  });

  it('memory pressure ranks by usage above request and priority, not by QoS class (rankMemoryPressure)', () => {
    // pkg/kubelet/eviction/helpers.go rankMemoryPressure = orderedBy(exceedMemoryRequests, priority,
    // memory); QoS only sets oom_score_adj (pkg/kubelet/qos/policy.go GetContainerOOMScoreAdjust).
    const be = sim(WEB, { kind: 'memoryPressure', at: 50 });
    const rank = be.notes.find((n) => n.code === 'eviction-rank')!.message;
    assert.match(rank, /above their request, lower priority first.*the QoS class is not a rank.*oom_score_adj 1000/);
    assert.doesNotMatch(rank, /evicted first/);
    assert.match(be.notes.find((n) => n.code === 'eviction-assumption')!.message, /requests no memory, so any use is above its request/);
    assert.match(be.notes.find((n) => n.code === 'eviction-priority')!.message, /no priorityClassName/);
    // killContainer (kuberuntime_container.go) raises the 1 s eviction grace to the 2 s minimum after SIGTERM.
    assert.match(be.events.find((e) => e.kind === 'evicted')!.message, /1 s grace period; each container still gets at least 2 s after SIGTERM/);
    // A Burstable pod above its request is evicted too; the assumption names its request and its priority class.
    const b = sim(podYaml(`
  priorityClassName: batch-low
  containers:
    - name: app
      image: x:1
      resources: { requests: { memory: 256Mi } }
`), { kind: 'memoryPressure', at: 50 });
    assert.equal(b.phases.at(-1)!.phase, 'Failed');
    assert.match(b.notes.find((n) => n.code === 'eviction-assumption')!.message, /uses more than its memory request \(256Mi\)/);
    assert.match(b.notes.find((n) => n.code === 'eviction-priority')!.message, /priorityClassName batch-low/);
    assert.match(b.figures.evictionRank, /even before a BestEffort pod of the same priority that uses less/);
  });

  it('memory pressure never evicts a critical pod (IsCriticalPod: system-*-critical, priority >= 2000000000)', () => {
    for (const spec of ['priorityClassName: system-node-critical', 'priority: 2000000000']) {
      const t = sim(podYaml(`
  ${spec}
  containers:
    - name: app
      image: x:1
`), { kind: 'memoryPressure', at: 50 });
      assert.equal(t.phases.at(-1)!.phase, 'Running', spec);
      assert.ok(!t.events.some((e) => e.kind === 'evicted'), spec);
      assert.ok(t.notes.some((n) => n.code === 'critical-kept'), spec);
    }
  });

  it('terminationGracePeriodSeconds 0: deleted at once, the kubelet still gives 1 s (preStop up to 1 s, SIGKILL at 3 s)', () => {
    // CheckGracefulDelete (pkg/registry/core/pod/strategy.go): grace 0 deletes the object at once;
    // calculateEffectiveGracePeriod (pkg/kubelet/pod_workers.go): "no matter what" at least 1 s;
    // killContainer: preStop within it, then the 2 s minimum.
    const t = sim(podYaml(`
  terminationGracePeriodSeconds: 0
  containers:
    - name: app
      image: x:1
      lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
`), { kind: 'delete', at: 40 }, { ...FAST, shutdownSeconds: 1e6 });
    assert.match(t.events.find((e) => e.kind === 'deleteRequested')!.message, /removes the object at once \(it is never Terminating/);
    assert.deepEqual(eventsOf(t, 'app', 'sigterm'), [41]);
    assert.deepEqual(eventsOf(t, 'app', 'sigkill'), [43]);
    assert.deepEqual(terminationTimeline(1, [{ name: 'app', role: 'app', preStopSeconds: 5 }]).map((x) => [x.preStopEnd, x.sigterm, x.sigkillDeadline]), [[1, 1, 3]]);
  });

  it('a liveness kill with pod grace 0 skips preStop (grace 0 passes no override) and SIGKILLs 2 s after SIGTERM', () => {
    // killContainer runs preStop only when grace > 0; the probe kill uses setTerminationGracePeriod
    // (probe-level, else the pod's 0), not calculateEffectiveGracePeriod.
    const t = sim(podYaml(`
  terminationGracePeriodSeconds: 0
  containers:
    - name: app
      image: x:1
      livenessProbe: { httpGet: { port: 1 }, periodSeconds: 10, failureThreshold: 1 }
      lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
`), { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 30 }, { ...FAST, shutdownSeconds: 1e6, horizon: 80 });
    const killed = eventsOf(t, 'app', 'killed')[0]!;
    assert.equal(eventsOf(t, 'app', 'preStop').filter((x) => x >= killed).length, 0);
    assert.equal(eventsOf(t, 'app', 'sigterm')[0], killed);
    assert.equal(eventsOf(t, 'app', 'sigkill')[0], killed + 2);
  });

  it('terminationGracePeriodSeconds 0: the sidecars of a pod whose app containers finished still get 1 s (preStop, then SIGTERM at 1 s)', () => {
    // The pod worker stops a finished pod through killPod with calculateEffectiveGracePeriod
    // (pkg/kubelet/pod_workers.go): at least 1 s, as for a deletion (kubeletPodGrace; fact T8).
    const t = sim(podYaml(`
  restartPolicy: Never
  terminationGracePeriodSeconds: 0
  initContainers:
    - name: proxy
      image: x:1
      restartPolicy: Always
      lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
  containers:
    - name: app
      image: x:1
`), { kind: 'exit', container: 'app', exitCode: 0, at: 30 }, { ...FAST, shutdownSeconds: 1e6, horizon: 80 });
    const done = box(t, 'app').finishedAt!;
    assert.deepEqual(eventsOf(t, 'proxy', 'preStop'), [done]);
    assert.deepEqual(eventsOf(t, 'proxy', 'sigterm'), [done + 1]);
    assert.deepEqual(eventsOf(t, 'proxy', 'sigkill'), [done + 3]);
  });
});
