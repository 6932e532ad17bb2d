/**
 * A container's own restartPolicy and restartPolicyRules: the port of K: pkg/api/v1/pod/util.go
 * ContainerShouldRestart / FindMatchingContainerRestartRule (1.35+, ContainerRestartRules), and the hovers
 * that state it. At 1.34 dropContainerRestartRules (pkg/api/pod/util.go) removes the fields, so the pod's
 * policy decides.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containerShouldRestart, restartsAllContainers } from '../../server/src/analysis/containerRestart';
import { parseFile } from '../../server/src/model/parse';
import { findPods } from '../../server/src/model/podModel';
import { parseKubeVersion } from '../../server/src/model/version';
import { md } from './hover/hoverHelpers';
import { caret } from './hover/fixtures';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  restartPolicy: Never
  initContainers:
    - name: migrate
      image: x:1
      restartPolicy: OnFailure
  containers:
    - name: app
      image: x:1
      restartPolicy: Never
      restartPolicyRules:
        - { action: Restart, exitCodes: { operator: In, values: [42, 43] } }
        - { action: RestartAllContainers, exitCodes: { operator: In, values: [7] } }
    - name: worker
      image: x:1
      restartPolicy: OnFailure
      restartPolicyRules:
        - { action: Restart, exitCodes: { operator: NotIn, values: [1] } }
    - name: plain
      image: x:1
`;

function model(version: string) {
  const v = parseKubeVersion(version)!;
  const pod = findPods(parseFile(POD).documents, { version: v })[0]!;
  const byName = (n: string) => pod.containers.find((c) => c.name === n)!;
  return { v, pod, byName };
}

describe('containerShouldRestart (ContainerShouldRestart)', () => {
  it('1.37: the first matching rule, then the container policy, then the pod policy', () => {
    const { v, pod, byName } = model('1.37');
    const should = (n: string, code: number) => containerShouldRestart(byName(n), pod, code, v);
    assert.equal(should('app', 42), true, 'In rule matches -> Restart');
    assert.equal(should('app', 1), false, 'no rule matches -> own Never');
    assert.equal(should('app', 7), true, 'RestartAllContainers restarts when RestartAllContainersOnContainerExits is on');
    assert.equal(restartsAllContainers(byName('app'), 7, v), true);
    assert.equal(should('worker', 0), true, 'NotIn [1] matches 0 -> Restart, before OnFailure would say no');
    assert.equal(should('worker', 1), true, 'no rule -> OnFailure with code 1');
    assert.equal(should('migrate', 1), true, 'init container OnFailure in a Never pod is retried');
    assert.equal(should('migrate', 0), false);
    assert.equal(should('plain', 1), false, 'no own policy -> pod Never');
  });
  it('1.35: RestartAllContainers falls through to the container policy (gate off)', () => {
    const { v, pod, byName } = model('1.35');
    assert.equal(containerShouldRestart(byName('app'), pod, 7, v), false);
    assert.equal(restartsAllContainers(byName('app'), 7, v), false);
  });
  it('1.34: the fields are dropped, the pod policy decides', () => {
    const { v, pod, byName } = model('1.34');
    assert.equal(byName('app').restartPolicy, undefined);
    assert.deepEqual(byName('app').restartRules, []);
    assert.equal(byName('migrate').restartPolicy, undefined);
    assert.equal(byName('migrate').role, 'init');
    assert.equal(containerShouldRestart(byName('app'), pod, 42, v), false);
    assert.equal(containerShouldRestart(byName('migrate'), pod, 1, v), false);
    assert.deepEqual(pod.dropped.map((d) => d.path), ['initContainers[0].restartPolicy', 'containers[0].restartPolicy', 'containers[0].restartPolicyRules', 'containers[1].restartPolicy', 'containers[1].restartPolicyRules']);
  });
});

describe('hovers state the container policy', () => {
  it('app container: its own policy and rules, not the pod\'s', () => {
    const m = md(caret(POD, 'app'));
    assert.match(m, /Its own restartPolicy Never replaces the pod's \(Never\) for this container: it is not restarted\./);
    assert.match(m, /first that matches the exit code wins: exit code in \[42, 43\] → restart; exit code in \[7\] → restart every container of the pod/);
  });
  it('init container with OnFailure in a Never pod: retried, not "fails the pod"', () => {
    const m = md(caret(POD, 'migrate'));
    assert.match(m, /Its own restartPolicy OnFailure replaces the pod's \(Never\) for this container: it is restarted after a non-zero exit/);
    assert.doesNotMatch(m, /fails the whole pod/);
  });
  it('container restartPolicy key: 1.37 explains it, 1.34 says it is dropped, 1.33 says it is rejected', () => {
    const at = caret(POD, 'restartPolicy', 2);
    assert.match(md(at), /Its own restartPolicy Never replaces/);
    assert.match(md(at, { kubernetesVersion: '1.34' }), /At Kubernetes 1\.34 the API server drops this field .*follows the pod's restartPolicy \(Never\)/);
    assert.match(md(at, { kubernetesVersion: '1.33' }), /Before Kubernetes 1\.34 only init containers may set restartPolicy/);
    assert.doesNotMatch(md(at), /alpha/);
  });
  it('pod restartPolicy hover names the containers that follow their own', () => {
    assert.match(md(caret(POD, 'restartPolicy', 0)), /Containers with their own restartPolicy follow it instead: `migrate: OnFailure`, `app: Never`, `worker: OnFailure`/);
  });
});
