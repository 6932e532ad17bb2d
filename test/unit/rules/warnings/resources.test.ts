import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, deployment, expectCode, pod, RES, statefulSet } from './warningsHelpers';

describe('missing-requests', () => {
  it('reports a BestEffort pod once, on the first app container', () => {
    const text = pod(`containers:\n  - name: a\n    image: x:1\n  - name: b\n    image: x:1`);
    const [d] = expectCode(text, 'missing-requests', 1);
    assert.equal(d!.range.start.line, 6);
    assert.equal(covered(text, d!), 'name');
    assert.match(d!.message, /container "a" has no cpu or memory requests.*BestEffort/);
    // rankMemoryPressure (pkg/kubelet/eviction/helpers.go): usage above request, then priority; not
    // "the first pod to be evicted" (the old wording): QoS is not a rank.
    assert.match(d!.message, /any memory it uses is above its \(zero\) request, so under memory pressure it is among the first pods the kubelet evicts at its priority.*oom_score_adj 1000/);
    assert.doesNotMatch(d!.message, /the first pod to be evicted/);
  });
  it('is quiet once any container requests (Burstable) or only limits are set (requests default to limits)', () => {
    expectCode(pod(`containers:\n  - { name: a, image: x:1, resources: { requests: { cpu: 10m } } }\n  - { name: b, image: x:1 }`), 'missing-requests', 0);
    expectCode(pod(`containers:\n  - { name: a, image: x:1, resources: { limits: { memory: 64Mi } } }`), 'missing-requests', 0);
  });
});

describe('missing-memory-limit', () => {
  it('reports each app container and sidecar without a memory limit, not init containers', () => {
    const text = pod(`
initContainers:
  - { name: init, image: x:1 }
  - { name: side, image: x:1, restartPolicy: Always, resources: { requests: { memory: 64Mi } } }
containers:
  - { name: a, image: x:1, resources: { requests: { memory: 64Mi } } }
  - { name: b, image: x:1, ${RES} }`);
    const found = expectCode(text, 'missing-memory-limit', 2);
    assert.match(found[0]!.message, /sidecar "side" has no memory limit/);
    assert.match(found[1]!.message, /container "a" has no memory limit/);
  });
  it('accepts a pod-level memory limit (1.34+) and skips unparsable limits (invalid-quantity reports them)', () => {
    expectCode(pod(`resources: { limits: { memory: 1Gi } }\ncontainers:\n  - { name: a, image: x:1, resources: { requests: { memory: 64Mi } } }`), 'missing-memory-limit', 0, '1.34');
    expectCode(pod(`containers:\n  - { name: a, image: x:1, resources: { limits: { memory: lots } } }`), 'missing-memory-limit', 0);
  });
});

describe('emptydir-without-size-limit', () => {
  it('reports an emptyDir without sizeLimit, disk or memory', () => {
    const text = pod(`
containers:
  - { name: a, image: x:1, ${RES} }
volumes:
  - name: scratch
    emptyDir: {}
  - name: shm
    emptyDir: { medium: Memory }`);
    const found = expectCode(text, 'emptydir-without-size-limit', 1);
    assert.equal(covered(text, found[0]!), 'emptyDir');
    assert.match(found[0]!.message, /spec\.volumes\[0\]\.emptyDir: this emptyDir has no sizeLimit/);
    // shm is bounded: every container has a memory limit, so tmpfs is sized to the pod's limit.
    const noLimits = pod(`containers:\n  - { name: a, image: x:1 }\nvolumes:\n  - { name: shm, emptyDir: { medium: Memory } }`);
    assert.match(expectCode(noLimits, 'emptydir-without-size-limit', 1)[0]!.message, /memory-backed/);
  });
  it('is quiet with sizeLimit or an ephemeral-storage limit', () => {
    expectCode(pod(`containers:\n  - { name: a, image: x:1 }\nvolumes:\n  - { name: s, emptyDir: { sizeLimit: 1Gi } }`), 'emptydir-without-size-limit', 0);
    expectCode(pod(`containers:\n  - { name: a, image: x:1, resources: { limits: { ephemeral-storage: 2Gi } } }\nvolumes:\n  - { name: s, emptyDir: {} }`), 'emptydir-without-size-limit', 0);
  });
});

describe('local-storage-default-tolerations', () => {
  const claims = (cls: string) => `volumeClaimTemplates:\n  - metadata: { name: data }\n    spec: { storageClassName: ${cls}, accessModes: [ReadWriteOnce], resources: { requests: { storage: 10Gi } } }`;
  const sts = (extra = '', cls = 'local-storage') => statefulSet(`${extra}\ncontainers:\n  - { name: db, image: x:1, ${RES} }`, claims(cls));
  it('reports a StatefulSet on local PVs without not-ready/unreachable tolerations', () => {
    const [d] = expectCode(sts(), 'local-storage-default-tolerations', 1);
    assert.equal(d!.severity, 'information');
    assert.match(d!.message, /local storage class "local-storage".*node\.kubernetes\.io\/not-ready, node\.kubernetes\.io\/unreachable.*300 s/);
  });
  it('reports hostPath volumes and names only the missing toleration', () => {
    const text = statefulSet(`
tolerations:
  - { key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 3600 }
containers:
  - { name: db, image: x:1, ${RES} }
volumes:
  - { name: data, hostPath: { path: /mnt/data } }`);
    const [d] = expectCode(text, 'local-storage-default-tolerations', 1);
    assert.equal(covered(text, d!), 'tolerations');
    assert.match(d!.message, /hostPath volume "data".*toleration for node\.kubernetes\.io\/unreachable,/);
  });
  it('is quiet with explicit tolerations, network storage, or a Deployment', () => {
    expectCode(sts('tolerations:\n  - { key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute }\n  - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute }'), 'local-storage-default-tolerations', 0);
    expectCode(sts('tolerations: [{ operator: Exists }]'), 'local-storage-default-tolerations', 0);
    expectCode(sts('', 'gp3'), 'local-storage-default-tolerations', 0);
    expectCode(deployment(`containers:\n  - { name: a, image: x:1 }\nvolumes:\n  - { name: d, hostPath: { path: /x } }`), 'local-storage-default-tolerations', 0);
  });
});
