import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const POD_LEVEL = `apiVersion: v1
kind: Pod
metadata:
  name: pl
spec:
  resources:
    requests: { cpu: "1", memory: 1Gi }
    limits: { cpu: "2", memory: 1Gi }
  overhead: { cpu: 250m, memory: 120Mi }
  containers:
    - name: a
      image: x:1
      resources:
        requests: { cpu: 100m }
`;

const GUARANTEED = `apiVersion: v1
kind: Pod
metadata:
  name: g
spec:
  containers:
    - name: a
      image: x:1
      resources:
        limits: { cpu: 500m, memory: 128Mi }
`;

describe('resources hovers', () => {
  it('container level: own values, pod totals, the formula with numbers and the QoS reason', () => {
    const marked = caret(WEB, 'resources', 3);
    assert.equal(covered(marked), 'resources');
    const m = md(marked);
    assert.match(m, /^### resources of `app` \(app container: counts in the steady state\)/);
    assert.match(m, /\| cpu +\| +250m \| +1 \| +610m \| +1010m \|/);
    assert.match(m, /\| memory +\| +256Mi \| 512Mi \| +352Mi \| +512Mi \|/);
    // init peak: migrate 500m + sidecar proxy 100m started before it = 600m; steady: 250m + 100m + 50m = 400m.
    assert.match(m, /cpu request: max\(init peak 600m \(`migrate`\), steady 400m\) \+ overhead 10m = \*\*610m\*\*/);
    assert.match(m, /memory request: max\(init peak 192Mi \(`migrate`\), steady 352Mi\) = \*\*352Mi\*\*/);
    assert.match(m, /cpu limit: max\(init peak 0, steady 1\) \+ overhead 10m = \*\*1010m\*\*/);
    assert.match(m, /\*\*QoS class:\*\* Burstable/);
  });

  it('init containers and sidecars say how they count', () => {
    assert.match(md(caret(WEB, 'resources', 1)), /^### resources of `migrate` \(init container: counts only while it runs \(init peak\)\)/);
    assert.match(md(caret(WEB, 'resources', 0)), /^### resources of `proxy` \(sidecar: counts in the steady state and under every later init container\)/);
  });

  it('limits only: requests copied from limits; Guaranteed', () => {
    const m = md(caret(GUARANTEED, 'resources'));
    assert.match(m, /Requests copied from limits by the API server: cpu, memory/);
    assert.match(m, /\| cpu +\| +500m \| +500m \| +500m \| +500m \|/);
    assert.match(m, /\*\*QoS class:\*\* Guaranteed/);
  });

  it('pod level (1.34+): replaces the container sum, overhead added on top', () => {
    const m = md(caret(POD_LEVEL, 'resources'), { kubernetesVersion: '1.34' });
    assert.match(m, /^### Pod-level resources/);
    assert.match(m, /cpu request: pod-level 1 \(replaces the container sum\) \+ overhead 250m = \*\*1250m\*\*/);
    assert.match(m, /memory limit: pod-level 1Gi \(replaces the container sum\) \+ overhead 120Mi = \*\*1144Mi\*\*/);
    assert.match(m, /\*\*QoS class:\*\* Burstable: the pod-level cpu request differs from its limit/);
  });

  it('pod level before 1.34: dropped, the containers count', () => {
    const m = md(caret(POD_LEVEL, 'resources'), { kubernetesVersion: '1.33' });
    assert.match(m, /Kubernetes 1\.33 ignores pod-level resources/);
    assert.match(m, /cpu request: max\(init peak 0, steady 100m\) \+ overhead 250m = \*\*350m\*\*/);
  });
});
