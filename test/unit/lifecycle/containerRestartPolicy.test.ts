/**
 * The simulator follows a container's own restartPolicy and restartPolicyRules (KEP-5307,
 * ContainerRestartRules, on from 1.35): K: pkg/api/v1/pod/util.go ContainerShouldRestart (first matching
 * rule, then the container's policy, then the pod's), read by ShouldContainerBeRestarted
 * (pkg/kubelet/container/helpers.go), computeInitContainerActions
 * (pkg/kubelet/kuberuntime/kuberuntime_container.go), computePodActions' probe-kill decision
 * (kuberuntime_manager.go) and getPhase (pkg/kubelet/kubelet_pods.go). At 1.34 the API server drops the
 * fields (dropContainerRestartRules), so the pod's policy decides.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../../server/src/analysis/lifecycle/index';
import type { SimTimeline } from '../../../server/src/analysis/lifecycle/index';
import { createPodService } from '../../../server/src/service/index';
import { box, FAST, podYaml } from './helpers';

let n = 0;
function simAt(version: string, yaml: string, scenario: unknown, assumptions: unknown = FAST): SimTimeline {
  const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
  const file = service.analyze({ uri: `test://crp-${n++}.yaml`, version: 1, text: yaml }, { kubernetesVersion: version });
  return simulate(file.pods[0]!.analysis, scenario, assumptions);
}

const lastPhase = (t: SimTimeline) => t.phases[t.phases.length - 1]!.phase;
const messages = (t: SimTimeline, name: string) => box(t, name).events.map((e) => e.message);

const NEVER_APP_IN_ALWAYS_POD = podYaml(`
  restartPolicy: Always
  containers:
    - name: app
      image: x:1
      restartPolicy: Never
    - name: web
      image: x:1
`);

describe('lifecycle: a container\'s own restartPolicy (ContainerShouldRestart)', () => {
  it('1.37: restartPolicy Never on a container of an Always pod: not restarted after its exit; the pod keeps Running', () => {
    const t = simAt('1.37', NEVER_APP_IN_ALWAYS_POD, { kind: 'exit', container: 'app', exitCode: 1, at: 20 }, { ...FAST, horizon: 120 });
    assert.equal(box(t, 'app').restarts, 0);
    assert.equal(box(t, 'app').finishedAt, 20);
    assert.ok(messages(t, 'app').includes('Not restarted (the container\'s own restartPolicy Never).'));
    // getPhase: one container still running -> Running.
    assert.equal(lastPhase(t), 'Running');
  });

  it('1.34: the field is dropped (dropContainerRestartRules), so the pod\'s Always restarts it', () => {
    const t = simAt('1.34', NEVER_APP_IN_ALWAYS_POD, { kind: 'exit', container: 'app', exitCode: 1, at: 20 }, { ...FAST, horizon: 120 });
    assert.ok(box(t, 'app').restarts >= 1);
  });

  it('1.37: getPhase with every regular container stopped and none restartable: Failed if one failed, Succeeded if all exited 0 (even in an Always pod)', () => {
    const yaml = podYaml(`
  restartPolicy: Always
  containers:
    - name: app
      image: x:1
      restartPolicy: Never
`);
    const failed = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 3, at: 20 });
    assert.equal(lastPhase(failed), 'Failed');
    const ok = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 0, at: 20 });
    assert.equal(lastPhase(ok), 'Succeeded');
  });

  it('1.37: restartPolicy OnFailure on a container of a Never pod restarts it on a failure; exit 0 completes it', () => {
    const yaml = podYaml(`
  restartPolicy: Never
  containers:
    - name: app
      image: x:1
      restartPolicy: OnFailure
`);
    const bad = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 1, at: 20 }, { ...FAST, horizon: 60 });
    assert.ok(box(bad, 'app').restarts >= 1);
    assert.equal(lastPhase(bad), 'Running');
    const ok = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 0, at: 20 });
    assert.equal(box(ok, 'app').restarts, 0);
    assert.equal(lastPhase(ok), 'Succeeded');
  });

  it('1.37: the first matching restartPolicyRules entry decides before the container\'s policy (In / NotIn)', () => {
    const yaml = podYaml(`
  restartPolicy: Never
  containers:
    - name: app
      image: x:1
      restartPolicy: Never
      restartPolicyRules:
        - action: Restart
          exitCodes: { operator: In, values: [42] }
`);
    const matched = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 42, at: 20 }, { ...FAST, horizon: 60 });
    assert.ok(box(matched, 'app').restarts >= 1);
    assert.ok(messages(matched, 'app').includes('Exit code 42 matches a restartPolicyRules entry with action Restart: the kubelet restarts the container.'));
    const other = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 1, at: 20 });
    assert.equal(box(other, 'app').restarts, 0);
    assert.equal(lastPhase(other), 'Failed');
  });

  it('1.37: a liveness kill restarts unless the container\'s own policy is Never (computePodActions; rules not read)', () => {
    const yaml = (policy: string) => podYaml(`
  restartPolicy: Always
  containers:
    - name: app
      image: x:1
      restartPolicy: ${policy}
      livenessProbe:
        httpGet: { path: /, port: 80 }
    - name: web
      image: x:1
`);
    const never = simAt('1.37', yaml('Never'), { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 20 }, { ...FAST, horizon: 200 });
    assert.equal(box(never, 'app').restarts, 0);
    assert.ok(box(never, 'app').finishedAt !== null);
    const onFailure = simAt('1.37', yaml('OnFailure'), { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 20 }, { ...FAST, horizon: 200 });
    assert.ok(box(onFailure, 'app').restarts >= 1, 'OnFailure: restarted after the kill even when the app exits 0 on SIGTERM');
  });
});

describe('lifecycle: an init container\'s own restartPolicy (computeInitContainerActions, getPhase)', () => {
  const INIT = (podPolicy: string, initPolicy: string) => podYaml(`
  restartPolicy: ${podPolicy}
  initContainers:
    - name: migrate
      image: x:1
      restartPolicy: ${initPolicy}
  containers:
    - name: app
      image: x:1
`);

  it('1.37: OnFailure on an init container of a Never pod: a failure is retried, the pod is not Failed', () => {
    const t = simAt('1.37', INIT('Never', 'OnFailure'), { kind: 'exit', container: 'migrate', exitCode: 1, at: 5 }, { ...FAST, horizon: 60 });
    assert.ok(box(t, 'migrate').restarts >= 1);
    assert.notEqual(lastPhase(t), 'Failed');
  });

  it('1.37: Never on an init container of an Always pod: a failure fails the pod', () => {
    const t = simAt('1.37', INIT('Always', 'Never'), { kind: 'exit', container: 'migrate', exitCode: 1, at: 5 });
    assert.equal(box(t, 'migrate').restarts, 0);
    assert.equal(lastPhase(t), 'Failed');
    assert.ok(t.events.some((e) => e.message === 'An init container failed and its own restartPolicy is Never: the pod fails.'));
    assert.equal(box(t, 'app').startedAt, null);
  });

  it('1.37: an init container that exits 0 is done whatever its policy', () => {
    const t = simAt('1.37', INIT('Never', 'OnFailure'), undefined);
    assert.equal(box(t, 'migrate').restarts, 0);
    assert.ok(box(t, 'app').startedAt !== null);
  });

  it('1.34: the init container\'s OnFailure is dropped: a failure in a Never pod fails the pod', () => {
    const t = simAt('1.34', INIT('Never', 'OnFailure'), { kind: 'exit', container: 'migrate', exitCode: 1, at: 5 });
    assert.equal(lastPhase(t), 'Failed');
  });
});

describe('lifecycle: RestartAllContainers (RestartAllContainersOnContainerExits, on from 1.36)', () => {
  const yaml = podYaml(`
  restartPolicy: Never
  containers:
    - name: app
      image: x:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [7] }
`);

  it('1.37: a matching rule restarts (ContainerShouldRestart says true); whole-pod restart is not simulated and a note says so', () => {
    const t = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 7, at: 20 }, { ...FAST, horizon: 60 });
    assert.ok(box(t, 'app').restarts >= 1);
    assert.ok(t.notes.some((x) => x.code === 'restart-all-not-simulated' && x.severity === 'warning'));
  });

  it('1.35: the gate is off: the rule falls through to the container\'s Never', () => {
    const t = simAt('1.35', yaml, { kind: 'exit', container: 'app', exitCode: 7, at: 20 });
    assert.equal(box(t, 'app').restarts, 0);
    assert.ok(!t.notes.some((x) => x.code === 'restart-all-not-simulated'));
  });
});
