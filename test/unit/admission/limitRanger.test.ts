// The LimitRanger admission plugin's port (server/src/analysis/admission): LimitRange defaulting, the
// mutation of containers and init containers, the annotation, validation in the plugin's words, Pod items,
// several LimitRanges, and what the mutated pod's validation says. Expected values were checked against the
// real plugin with the conformance reference (`$(bash scripts/build-conformance.sh 1.37) FILE.yaml`).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/model/parse';
import { findPods } from '../../../server/src/model/podModel';
import { formatQuantity } from '../../../server/src/model/quantity';
import { parseKubeVersion } from '../../../server/src/model/version';
import { readLimitRange } from '../../../server/src/analysis/admission/limitRangeModel';
import { admittedLimitErrors } from '../../../server/src/analysis/admission/admittedLimits';
import { goFixed6 } from '../../../server/src/analysis/admission/goFloat';
import { analyzePod } from '../../../server/src/analysis/podAnalysis';
import { quantityList } from '../../../server/src/service/summary';
import { compareOutcomes, podLensOutcome } from '../../../scripts/conformance/limitRange';

function admit(text: string, version = '1.37') {
  const v = parseKubeVersion(version)!;
  const parsed = parseFile(text);
  const ranges = parsed.documents.map((d) => readLimitRange(d.root)).filter((x) => x !== undefined);
  const pod = findPods(parsed.documents, { version: v })[0]!;
  const a = analyzePod(pod, v, ranges);
  const container = (name: string) => {
    const c = pod.containers.find((x) => x.name === name)!;
    const r = a.containerResources.get(c)!;
    return { requests: quantityList(r.requests), limits: quantityList(r.limits) };
  };
  return { a, ranges, container, violations: (a.limitRanger?.violations ?? []).map((g) => g.map((x) => x.message)) };
}

const LR = (items: string, name = 'limits') => `apiVersion: v1\nkind: LimitRange\nmetadata: {name: ${name}}\nspec:\n  limits:\n${items}\n---\n`;
const POD = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}\n`;

describe('LimitRange defaulting (SetDefaults_LimitRangeItem)', () => {
  it('a Container item: default from max, defaultRequest from default, then from min; values rounded to milli', () => {
    const lr = readLimitRange(parseFile(LR('  - type: Container\n    max: {cpu: "2", memory: 1Gi}\n    min: {cpu: 1u, ephemeral-storage: 1Gi}\n    default: {memory: 512Mi}')).documents[0]!.root)!;
    const item = lr.items[0]!;
    const show = (m: ReadonlyMap<string, { quantity: import('../../../server/src/model/quantity').Quantity; writtenIn: string }>) =>
      Object.fromEntries([...m].map(([k, v]) => [k, `${formatQuantity(v.quantity)} (${v.writtenIn})`]));
    assert.deepEqual(show(item.lists.default), { memory: '512Mi (default)', cpu: '2 (max)' });
    assert.deepEqual(show(item.lists.defaultRequest), { memory: '512Mi (default)', cpu: '2 (max)', 'ephemeral-storage': '1Gi (min)' });
    assert.deepEqual(show(item.lists.min), { cpu: '1m (min)', 'ephemeral-storage': '1Gi (min)' });
  });

  it('a Pod item gets no defaults', () => {
    const lr = readLimitRange(parseFile(LR('  - type: Pod\n    max: {cpu: "2"}')).documents[0]!.root)!;
    assert.equal(lr.items[0]!.lists.default.size, 0);
    assert.equal(lr.items[0]!.lists.defaultRequest.size, 0);
  });
});

describe('LimitRanger mutation', () => {
  const text = LR('  - type: Container\n    default: {cpu: 500m, memory: 256Mi}\n    defaultRequest: {cpu: 100m, memory: 128Mi}') + POD(`  initContainers:
    - {name: init, image: x, resources: {requests: {cpu: 200m}}}
    - {name: side, image: x, restartPolicy: Always}
  containers:
    - {name: app, image: x}
    - {name: limited, image: x, resources: {limits: {memory: 1Gi}}}`);

  it('fills missing requests and limits of app and init containers (sidecars included), keeping what is written', () => {
    const { container } = admit(text);
    assert.deepEqual(container('app'), { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    assert.deepEqual(container('init'), { requests: { cpu: '200m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    assert.deepEqual(container('side'), { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
  });

  it('a request defaulted from a written limit is not replaced by defaultRequest', () => {
    assert.deepEqual(admit(text).container('limited'), { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '500m', memory: '1Gi' } });
  });

  it('writes the annotation: app containers first, requests before limits, names sorted', () => {
    assert.equal(admit(text).a.limitRanger?.mutation.annotation,
      'LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app; cpu request for container limited; cpu limit for container limited; memory request for init container init; cpu, memory limit for init container init; cpu, memory request for init container side; cpu, memory limit for init container side');
  });

  it('changes the QoS class: a BestEffort pod becomes Burstable, equal defaults make it Guaranteed', () => {
    const bare = POD('  containers:\n    - {name: app, image: x}');
    assert.equal(admit(bare).a.qos.qosClass, 'BestEffort');
    assert.equal(admit(LR('  - type: Container\n    defaultRequest: {cpu: 100m}') + bare).a.qos.qosClass, 'Burstable');
    assert.equal(admit(LR('  - type: Container\n    default: {cpu: 100m, memory: 64Mi}') + bare).a.qos.qosClass, 'Guaranteed');
  });

  it('with several LimitRanges the first to default a resource wins and the last one that set something writes the annotation', () => {
    const two = LR('  - type: Container\n    defaultRequest: {cpu: 100m}', 'a') + LR('  - type: Container\n    defaultRequest: {cpu: 300m, memory: 64Mi}', 'b') + POD('  containers:\n    - {name: app, image: x}');
    const { container, a } = admit(two);
    assert.deepEqual(container('app').requests, { cpu: '100m', memory: '64Mi' });
    assert.equal(a.limitRanger?.mutation.annotation, 'LimitRanger plugin set: memory request for container app');
    assert.deepEqual(a.limitRanger?.mutation.applied.map((v) => `${v.resource} ${v.side} from ${v.limitRange.name}`), ['cpu requests from a', 'memory requests from b']);
  });
});

describe('LimitRanger validation, in the plugin\'s words', () => {
  it('min, max and maxLimitRequestRatio per Container', () => {
    const { violations } = admit(LR('  - type: Container\n    min: {cpu: 100m}\n    max: {memory: 1Gi}\n    maxLimitRequestRatio: {cpu: "2"}') + POD('  containers:\n    - {name: app, image: x, resources: {requests: {cpu: 50m, memory: 2Gi}, limits: {cpu: 129m}}}'));
    // min cpu gives defaultRequest cpu 100m and max memory gives default memory 1Gi, but the written values win.
    assert.deepEqual(violations, [[
      'minimum cpu usage per Container is 100m, but request is 50m',
      'maximum memory usage per Container is 1Gi, but request is 2Gi',
      'cpu max limit to request ratio per Container is 2, but provided ratio is 2.580000',
    ]]);
  });

  it('says when no request or no limit is specified', () => {
    const { violations } = admit(LR('  - type: Pod\n    min: {cpu: 100m}\n    max: {memory: 1Gi}\n    maxLimitRequestRatio: {memory: "2"}') + POD('  containers:\n    - {name: app, image: x}'));
    assert.deepEqual(violations, [[
      'minimum cpu usage per Pod is 100m.  No request is specified',
      'maximum memory usage per Pod is 1Gi.  No limit is specified',
      'memory max limit to request ratio per Pod is 2, but no request is specified or request is 0',
    ]]);
  });

  it('a Pod item checks the sum of the containers, with the init-container peak', () => {
    const { violations } = admit(LR('  - type: Pod\n    max: {cpu: "1"}') + POD(`  initContainers:
    - {name: init, image: x, resources: {limits: {cpu: 1500m}}}
  containers:
    - {name: a, image: x, resources: {limits: {cpu: 600m}}}
    - {name: b, image: x, resources: {limits: {cpu: 300m}}}`));
    assert.deepEqual(violations, [['maximum cpu usage per Pod is 1, but limit is 1500m']]);
  });

  it('prints the ratio as Go\'s %f does, ties to even', () => {
    assert.equal(goFixed6(129 / 128), '1.007812');
    assert.equal(goFixed6(2.58), '2.580000');
    assert.equal(goFixed6(1 / 3), '0.333333');
  });

  it('a default limit below a written request makes the pod invalid, in the API server\'s words', () => {
    const { a } = admit(LR('  - type: Container\n    default: {cpu: 500m}') + POD('  containers:\n    - {name: app, image: x, resources: {requests: {cpu: "1"}}}'));
    assert.deepEqual(admittedLimitErrors(a).map((e) => e.apiMessage), ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m']);
  });
});

describe('the conformance comparison of LimitRange cases', () => {
  it('finds a difference in the annotation, the resources or the errors', () => {
    const text = LR('  - type: Container\n    defaultRequest: {cpu: 100m}') + POD('  containers:\n    - {name: app, image: x}');
    const mine = podLensOutcome(text, '1.37');
    assert.equal(mine.annotation, 'LimitRanger plugin set: cpu request for container app');
    assert.deepEqual(compareOutcomes(mine, mine), []);
    assert.deepEqual(compareOutcomes({ ...mine, annotation: '' }, mine).map((d) => d.what), ['annotation']);
    assert.deepEqual(compareOutcomes({ ...mine, requests: { cpu: '200m' } }, mine).map((d) => d.what), ['requests']);
  });
});
