// The ResourceQuota pod evaluator and admission check (server/src/analysis/admission/podQuotaEvaluator.ts,
// quotaAdmission.ts): usage, scopes, MatchingResources, Constraints and the admission decision with the
// plugin's messages. Expected values are the real code's output: the conformance reference
// (`$(bash scripts/build-conformance.sh 1.37) FILE.yaml`, `pod.quota`) on the same text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/model/parse';
import { parseKubeVersion } from '../../../server/src/model/version';
import { formatQuantity } from '../../../server/src/model/quantity';
import { readResourceQuota } from '../../../server/src/analysis/admission/resourceQuotaModel';
import { matchingResources } from '../../../server/src/analysis/admission/podQuotaEvaluator';
import { podLensQuotaOutcome } from '../../../scripts/conformance/resourceQuota';

const V137 = parseKubeVersion('1.37')!;
const V134 = parseKubeVersion('1.34')!;

const SCOPES = `apiVersion: v1
kind: ResourceQuota
metadata: {name: high, namespace: a}
spec:
  hard: {pods: "1", requests.cpu: "1"}
  scopeSelector:
    matchExpressions:
    - {scopeName: PriorityClass, operator: In, values: [high]}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: besteffort, namespace: a}
spec:
  hard: {pods: "1"}
  scopes: [BestEffort]
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: cross, namespace: a}
spec:
  hard: {count/pods: "5"}
  scopes: [CrossNamespacePodAffinity]
---
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: a}
spec:
  priorityClassName: high
  containers:
  - {name: c, image: x, resources: {requests: {cpu: 500m}}}
---
apiVersion: v1
kind: Pod
metadata: {name: p2, namespace: a}
spec:
  priorityClassName: high
  containers:
  - {name: c, image: x, resources: {requests: {cpu: 250m}}}
---
apiVersion: v1
kind: Pod
metadata: {name: p3, namespace: a}
spec:
  containers:
  - {name: c, image: x}
  affinity:
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 1
        podAffinityTerm: {topologyKey: kubernetes.io/hostname, namespaceSelector: {}}
---
apiVersion: v1
kind: Pod
metadata: {name: p4, namespace: a}
spec:
  containers:
  - {name: c, image: x}
`;

const COMPUTE = `apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: b}
spec:
  hard: {requests.cpu: "4", limits.memory: 8Gi, requests.example.com/gpu: "1", requests.hugepages-2Mi: 8Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: p1, namespace: b}
spec:
  initContainers:
  - {name: init, image: x}
  containers:
  - {name: b, image: x, resources: {requests: {cpu: 100m}}}
  - {name: a, image: x, resources: {limits: {memory: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: p2, namespace: b}
spec:
  containers:
  - name: a
    image: x
    resources:
      limits: {cpu: "1", memory: 1Gi, example.com/gpu: "2", hugepages-2Mi: 4Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: p3, namespace: b}
spec:
  containers:
  - name: a
    image: x
    resources:
      limits: {cpu: "1", memory: 1Gi, example.com/gpu: "1", hugepages-2Mi: 4Mi}
`;

describe('ResourceQuota scopes and the admission sequence', () => {
  const pods = podLensQuotaOutcome(SCOPES, '1.37').pods;

  it('PriorityClass In, BestEffort and CrossNamespacePodAffinity select the pods the evaluator selects', () => {
    assert.deepEqual(pods.map((p) => p.quotas.map((q) => q.matches)), [
      [true, false, false], [true, false, false], [false, true, true], [false, true, false],
    ]);
    assert.deepEqual(pods[0]!.quotas.map((q) => q.resources), [['pods', 'requests.cpu'], ['pods'], ['count/pods']]);
  });

  it('each admitted pod is charged; the next one is refused in the plugin\'s words', () => {
    assert.deepEqual(pods[0]!.usage, { 'count/pods': '1', cpu: '500m', pods: '1', 'requests.cpu': '500m' });
    assert.equal(pods[0]!.admission, '');
    assert.deepEqual(pods[0]!.used, [{ pods: '1', 'requests.cpu': '500m' }, { pods: '0' }, { 'count/pods': '0' }]);
    assert.equal(pods[1]!.admission, 'exceeded quota: high, requested: pods=1, used: pods=1, limited: pods=1');
    assert.deepEqual(pods[1]!.used, pods[0]!.used, 'a refused pod charges nothing');
    assert.equal(pods[2]!.admission, '');
    assert.deepEqual(pods[2]!.used, [{ pods: '1', 'requests.cpu': '500m' }, { pods: '1' }, { 'count/pods': '1' }]);
    assert.equal(pods[3]!.admission, 'exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1');
  });
});

describe('ResourceQuota usage and Constraints', () => {
  const pods = podLensQuotaOutcome(COMPUTE, '1.37').pods;

  it('a cpu/memory quota makes every container (init containers too) specify them, after requests default from limits', () => {
    assert.equal(pods[0]!.quotas[0]!.constraints, 'must specify limits.memory for: b,init; requests.cpu for: a,init');
    assert.equal(pods[0]!.admission, 'failed quota: compute: must specify limits.memory for: b,init; requests.cpu for: a,init');
    assert.deepEqual(pods[0]!.usage, { 'count/pods': '1', cpu: '100m', 'limits.memory': '1Gi', memory: '1Gi', pods: '1', 'requests.cpu': '100m', 'requests.memory': '1Gi' });
  });

  it('hugepages and extended resources are charged as requests.X; limits.cpu only where a limit is set', () => {
    assert.deepEqual(pods[1]!.usage, {
      'count/pods': '1', cpu: '1', 'hugepages-2Mi': '4Mi', 'limits.cpu': '1', 'limits.memory': '1Gi', memory: '1Gi', pods: '1',
      'requests.cpu': '1', 'requests.example.com/gpu': '2', 'requests.hugepages-2Mi': '4Mi', 'requests.memory': '1Gi',
    });
    assert.equal(pods[1]!.admission, 'exceeded quota: compute, requested: requests.example.com/gpu=2, used: requests.example.com/gpu=0, limited: requests.example.com/gpu=1');
    assert.equal(pods[2]!.admission, '');
    assert.deepEqual(pods[2]!.used, [{ 'limits.memory': '1Gi', 'requests.cpu': '1', 'requests.example.com/gpu': '1', 'requests.hugepages-2Mi': '4Mi' }]);
  });
});

describe('MatchingResources', () => {
  const names = ['requests.deviceclass.resource.kubernetes.io/gpu', 'services', 'count/deployments.apps', 'limits.ephemeral-storage', 'hugepages-1Gi', 'cpu'];
  it('1.37 counts DRA device classes; 1.34 does not; object counts of other kinds are not the pod evaluator\'s', () => {
    assert.deepEqual(matchingResources(names, V137).sort(), ['cpu', 'hugepages-1Gi', 'limits.ephemeral-storage', 'requests.deviceclass.resource.kubernetes.io/gpu']);
    assert.deepEqual(matchingResources(names, V134).sort(), ['cpu', 'hugepages-1Gi', 'limits.ephemeral-storage']);
  });

  it('a quota with no pod resource never matches a pod, so it cannot refuse one', () => {
    const text = 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: objects}\nspec:\n  hard: {services: "0", configmaps: "0"}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n';
    const pod = podLensQuotaOutcome(text, '1.37').pods[0]!;
    assert.equal(pod.quotas[0]!.matches, false);
    assert.equal(pod.admission, '');
  });

  it('reads hard values in their stored form, scopes before the scopeSelector', () => {
    const q = readResourceQuota(parseFile('apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {cpu: 1000m, memory: 1048576Ki}\n  scopes: [NotTerminating]\n  scopeSelector: {matchExpressions: [{scopeName: PriorityClass, operator: NotIn, values: [low]}]}\n').documents[0]!.root)!;
    assert.deepEqual(q.hard.map((h) => `${h.name}=${formatQuantity(h.quantity)}`), ['cpu=1', 'memory=1Gi']);
    assert.deepEqual(q.selectors.map((s) => `${s.scopeName} ${s.operator} ${s.values.join(',')}`), ['NotTerminating Exists ', 'PriorityClass NotIn low']);
  });
});
