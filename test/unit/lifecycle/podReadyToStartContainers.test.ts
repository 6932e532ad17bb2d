/**
 * The PodReadyToStartContainers condition (PodReadyToStartContainersCondition, on since 1.29):
 * GeneratePodReadyToStartContainersCondition (K: pkg/kubelet/status/generate.go) is True once the pod
 * sandbox exists with networking configured (runtimeutil.PodSandboxChanged says no new sandbox is needed),
 * False before. SyncTerminatingPod (K: pkg/kubelet/kubelet.go) stops the sandbox with the containers
 * (killPod) and reports the stopped status, so a finished pod shows it False; a lost node reports nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { box, eventsOf, FAST, podYaml, sim } from './helpers';

const POD = podYaml(`
  initContainers:
    - name: init
      image: x:1
  containers:
    - name: app
      image: x:1
`);

const cond = (t: ReturnType<typeof sim>, type: string) => t.conditions.find((c) => c.type === type);

describe('lifecycle: PodReadyToStartContainers', () => {
  it('turns True at the sandbox (scheduled 1 + sandbox 2 s = 3), before the first init container starts, and is listed after PodScheduled', () => {
    const t = sim(POD);
    const c = cond(t, 'PodReadyToStartContainers');
    assert.ok(c);
    assert.equal(c.at, 3);
    assert.deepEqual(c.intervals, [{ from: 3, to: null }]);
    assert.deepEqual(t.conditions.map((x) => x.type), ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready']);
    assert.ok(eventsOf(t, 'init', 'containerStarted')[0]! >= c.at);
  });

  it('goes False when the pod has finished and its sandbox is stopped (a Job pod that completed)', () => {
    const t = sim(podYaml(`
  restartPolicy: Never
  containers:
    - name: app
      image: x:1
`, 'Job'));
    assert.equal(t.phases[t.phases.length - 1]!.phase, 'Succeeded');
    const c = cond(t, 'PodReadyToStartContainers')!;
    assert.equal(c.at, 3);
    assert.equal(c.lostAt, box(t, 'app').finishedAt);
  });

  it('stays True when the node stops reporting (MarkPodsNotReady sets only Ready)', () => {
    const t = sim(POD, { kind: 'nodeUnreachable', at: 60 }, { ...FAST, horizon: 600 });
    const c = cond(t, 'PodReadyToStartContainers')!;
    assert.equal(c.at, 3);
    assert.equal(c.lostAt, undefined);
  });
});
