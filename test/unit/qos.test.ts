import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onlyPod, pod } from './helpers';

const qos = (spec: string, version?: string) => onlyPod(pod(spec), version ? { kubernetesVersion: version } : {});

describe('QoS class', () => {
  it('is BestEffort without any cpu/memory request or limit', () => {
    const p = qos(`
  containers:
    - { name: a, image: x:1 }
    - { name: b, image: x:1, resources: { requests: { ephemeral-storage: 1Gi } } }`);
    assert.equal(p.qosClass, 'BestEffort');
    assert.match(p.qosReason, /BestEffort/);
    // The reason no longer says "the first to be evicted": rankMemoryPressure
    // (pkg/kubelet/eviction/helpers.go) ranks by use above the request, then priority, and QoS sets
    // the OOM score (GetContainerOOMScoreAdjust, pkg/kubelet/qos/policy.go: BestEffort 1000).
    assert.match(p.qosReason, /any memory it uses is above its \(zero\) request: under memory pressure it is among the first pods the kubelet evicts at its priority, and the OOM killer picks it first \(oom_score_adj 1000\)/);
  });

  it('is Guaranteed with limits only (requests default to limits)', () => {
    const p = qos(`
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 500m, memory: 128Mi } } }`);
    assert.equal(p.qosClass, 'Guaranteed');
  });

  it('is Burstable when one container lacks a memory limit, and names it', () => {
    const p = qos(`
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 500m, memory: 128Mi } } }
    - { name: b, image: x:1, resources: { limits: { cpu: 500m } } }`);
    assert.equal(p.qosClass, 'Burstable');
    assert.match(p.qosReason, /"b"/);
    assert.match(p.qosReason, /memory/);
  });

  it('counts init containers and sidecars', () => {
    const spec = (init: string) => `
  initContainers:
    - { name: i, image: x:1${init} }
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 500m, memory: 128Mi } } }`;
    assert.equal(qos(spec('')).qosClass, 'Burstable');
    assert.equal(qos(spec(', restartPolicy: Always')).qosClass, 'Burstable');
    assert.equal(qos(spec(', resources: { limits: { cpu: 1, memory: 1Gi } }')).qosClass, 'Guaranteed');
  });

  it('is Burstable when a request is below its limit', () => {
    const p = qos(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: 250m, memory: 128Mi }, limits: { cpu: 500m, memory: 128Mi } } }`);
    assert.equal(p.qosClass, 'Burstable');
    assert.match(p.qosReason, /cpu/);
  });

  it('ignores zero quantities and non-cpu/memory resources', () => {
    assert.equal(qos(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: "0", memory: "0" } } }`).qosClass, 'BestEffort');
    assert.equal(qos(`
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 1, memory: 1Gi, example.com/gpu: 1 } } }`).qosClass, 'Guaranteed');
  });

  it('compares quantities exactly, not textually', () => {
    assert.equal(qos(`
  containers:
    - { name: a, image: x:1, resources: { requests: { cpu: "1", memory: 1Gi }, limits: { cpu: 1000m, memory: 1024Mi } } }`).qosClass, 'Guaranteed');
  });

  it('ignores ephemeral containers', () => {
    assert.equal(qos(`
  containers:
    - { name: a, image: x:1, resources: { limits: { cpu: 1, memory: 1Gi } } }
  ephemeralContainers:
    - { name: debug, image: busybox:1 }`).qosClass, 'Guaranteed');
  });

  it('uses pod-level resources when set', () => {
    const spec = `
  resources:
    limits: { cpu: "1", memory: 1Gi }
  containers:
    - { name: a, image: x:1 }`;
    assert.equal(qos(spec, '1.34').qosClass, 'Guaranteed');
    assert.equal(qos(spec, '1.33').qosClass, 'BestEffort');
  });
});
