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
import { box, eventsOf, FAST, podYaml } from './helpers';

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

  // computePodActions (K: pkg/kubelet/kuberuntime/kuberuntime_manager.go): the other app containers, then the
  // other init containers, in spec order, killed one by one with grace 0 (no preStop, 2 s minimum); then the
  // next sync starts from the first init container with no back-off (doBackOff finds no exited container).
  const WHOLE = podYaml(`
  restartPolicy: Always
  initContainers:
    - name: migrate
      image: x:1
    - name: proxy
      image: x:1
      restartPolicy: Always
  containers:
    - name: app
      image: x:1
      restartPolicy: Always
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [7] }
    - name: web
      image: x:1
      lifecycle: { preStop: { exec: { command: [sleep, "5"] } } }
`);

  it('1.37: the other containers are killed one by one without preStop, then the pod starts again from its first init container', () => {
    const t = simAt('1.37', WHOLE, { kind: 'exit', container: 'app', exitCode: 7, at: 40 }, { ...FAST, shutdownSeconds: 1, horizon: 70 });
    // app exits at 40: web gets SIGTERM at once (no preStop), exits 1 s later; then proxy, SIGTERM at 41, gone at 42.
    assert.deepEqual(eventsOf(t, 'web', 'sigterm'), [40]);
    assert.deepEqual(eventsOf(t, 'proxy', 'sigterm'), [41]);
    assert.ok(!box(t, 'web').events.some((e) => e.kind === 'preStop'));
    // At 42 every container is removed: migrate starts again at once (starts take 1 s, FAST).
    const migrateStarts = eventsOf(t, 'migrate', 'containerStarted');
    assert.equal(migrateStarts.length >= 2, true, `migrate runs again: ${migrateStarts.join(',')}`);
    assert.equal(migrateStarts[1], 43);
    assert.ok(!box(t, 'app').events.some((e) => e.kind === 'backoff'), 'no back-off: no exited container is left');
    for (const name of ['migrate', 'proxy', 'app', 'web']) assert.equal(box(t, name).restarts, 1, name);
    // getPhase: Pending while the regular init container runs again; Initialized stays True.
    assert.ok(t.phases.some((p) => p.phase === 'Pending' && p.from >= 42), JSON.stringify(t.phases));
    const initialized = t.conditions.find((c) => c.type === 'Initialized')!;
    assert.equal(initialized.intervals.length, 1);
    assert.equal(initialized.intervals[0]!.to, null);
    assert.ok(t.notes.every((x) => x.code !== 'restart-all-not-simulated'));
  });

  it('1.37: a matching rule in a Never pod restarts the pod\'s only container through the whole-pod restart', () => {
    const t = simAt('1.37', yaml, { kind: 'exit', container: 'app', exitCode: 7, at: 20 }, { ...FAST, horizon: 60 });
    assert.ok(box(t, 'app').restarts >= 1);
    assert.ok(t.events.some((e) => e.message.startsWith('AllContainersRestarting')));
  });

  it('1.35: the gate is off: the rule falls through to the container\'s Never', () => {
    const t = simAt('1.35', yaml, { kind: 'exit', container: 'app', exitCode: 7, at: 20 });
    assert.equal(box(t, 'app').restarts, 0);
    assert.ok(!t.events.some((e) => e.message.startsWith('AllContainersRestarting')));
  });
});
