import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onlyPod, pod } from './helpers';

describe('effective resources', () => {
  it('sums app containers', () => {
    const p = onlyPod(pod(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 250m, memory: 64Mi } } }
    - { name: b, image: x:1, resources: { requests: { cpu: 500m, memory: 256Mi } } }`));
    assert.deepEqual(p.requests, { cpu: '750m', memory: '320Mi' });
    assert.deepEqual(p.limits, {});
  });

  it('takes the largest init container when it exceeds the app sum', () => {
    const p = onlyPod(pod(`
  initContainers:
    - { name: i1, image: x:1, resources: { requests: { cpu: "2", memory: 1Gi } } }
    - { name: i2, image: x:1, resources: { requests: { cpu: 500m, memory: 2Gi } } }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: "1", memory: 512Mi } } }`));
    assert.deepEqual(p.requests, { cpu: '2', memory: '2Gi' });
    assert.deepEqual(p.breakdown.requests.initPeakBy, { cpu: 'i1', memory: 'i2' });
  });

  it('counts sidecars towards both the steady state and later init containers', () => {
    const p = onlyPod(pod(`
  initContainers:
    - { name: side, image: x:1, restartPolicy: Always, resources: { requests: { cpu: 200m, memory: 100Mi } } }
    - { name: init, image: x:1, resources: { requests: { cpu: "1", memory: 100Mi } } }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 500m, memory: 300Mi } } }`));
    // init phase: 1 + 200m = 1200m; steady: 500m + 200m = 700m
    assert.equal(p.requests.cpu, '1200m');
    // memory: init phase 200Mi, steady 400Mi
    assert.equal(p.requests.memory, '400Mi');
    assert.deepEqual(p.containers.map((c) => c.role), ['sidecar', 'init', 'app']);
  });

  it('does not count a sidecar started after an init container towards it', () => {
    const p = onlyPod(pod(`
  initContainers:
    - { name: init, image: x:1, resources: { requests: { cpu: "1" } } }
    - { name: side, image: x:1, restartPolicy: Always, resources: { requests: { cpu: 200m } } }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 500m } } }`));
    assert.equal(p.requests.cpu, '1');
  });

  it('defaults requests from limits per resource before summing', () => {
    const p = onlyPod(pod(`
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 500m, memory: 128Mi } } }
    - { name: b, image: x:1, resources: { requests: { cpu: 100m }, limits: { memory: 64Mi } } }`));
    assert.deepEqual(p.requests, { cpu: '600m', memory: '192Mi' });
    assert.deepEqual(p.limits, { cpu: '500m', memory: '192Mi' });
  });

  it('adds overhead to requests, and to limits only where a limit exists', () => {
    const p = onlyPod(pod(`
  overhead: { cpu: 250m, memory: 120Mi }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: "1" }, limits: { memory: 1Gi } } }`));
    assert.deepEqual(p.requests, { cpu: '1250m', memory: '1144Mi' });
    assert.deepEqual(p.limits, { memory: '1144Mi' });
  });

  it('handles every resource kind: ephemeral-storage, hugepages and extended resources', () => {
    const p = onlyPod(pod(`
  containers:
    - name: a
      image: x:1
      resources:
        requests: { cpu: 100m, memory: 64Mi, ephemeral-storage: 1Gi, hugepages-2Mi: 20Mi, example.com/gpu: 1 }
        limits: { memory: 64Mi, hugepages-2Mi: 20Mi, example.com/gpu: 1 }
    - name: b
      image: x:1
      resources:
        requests: { ephemeral-storage: 500Mi }
        limits: { example.com/gpu: 2 }`));
    assert.deepEqual(p.requests, { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '1524Mi', 'hugepages-2Mi': '20Mi', 'example.com/gpu': '3' });
    assert.deepEqual(p.limits, { memory: '64Mi', 'hugepages-2Mi': '20Mi', 'example.com/gpu': '3' });
  });

  it('reads unquoted YAML numbers as Kubernetes does', () => {
    const p = onlyPod(pod(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 0.5, memory: 1073741824 } } }`));
    // A plain number is DecimalSI: Kubernetes prints it back as written, not as 1Gi.
    assert.deepEqual(p.requests, { cpu: '500m', memory: '1073741824' });
  });

  it('lets pod-level resources replace the aggregate for cpu and memory', () => {
    const p = onlyPod(pod(`
  resources:
    requests: { cpu: "2", memory: 1Gi }
    limits: { cpu: "4", memory: 2Gi }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 500m, ephemeral-storage: 1Gi } } }`), { kubernetesVersion: '1.34' });
    assert.deepEqual(p.requests, { cpu: '2', 'ephemeral-storage': '1Gi', memory: '1Gi' });
    assert.deepEqual(p.limits, { cpu: '4', memory: '2Gi' });
  });

  it('ignores pod-level resources when the target version lacks them', () => {
    const p = onlyPod(pod(`
  resources:
    requests: { cpu: "2" }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 500m } } }`), { kubernetesVersion: '1.33' });
    assert.deepEqual(p.requests, { cpu: '500m' });
  });

  it('treats restartPolicy: Always init containers as regular before sidecars existed', () => {
    const p = onlyPod(pod(`
  initContainers:
    - { name: side, image: x:1, restartPolicy: Always, resources: { requests: { cpu: 200m } } }
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 500m } } }`), { kubernetesVersion: '1.28' });
    assert.equal(p.containers[0]!.role, 'init');
    assert.equal(p.requests.cpu, '500m');
  });

  it('leaves invalid quantities out and reports them', () => {
    const text = pod(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 2 cores, memory: 64Mi } } }`);
    const p = onlyPod(text);
    assert.deepEqual(p.requests, { memory: '64Mi' });
  });
});
