/**
 * Issue 13: Pod Lens against the real API-server create path (conformance harness, k8s.io/kubernetes v1.34.4
 * and v1.37.2). Each expectation is what the reference binary printed for the same object.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diags, expectCode, expectNoErrors, pod } from './errorsHelpers';

const deployment = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: { matchLabels: { app: d } }\n  template:\n    metadata: { labels: { app: d } }\n    spec:\n${spec.replace(/^\n/, '').split('\n').map((l) => `      ${l}`).join('\n')}\n`;

describe('requests copied from limits (core/v1 SetDefaults_Pod), Pods only', () => {
  it('states the API server\'s second error, at the request, in the limit\'s message', () => {
    const [d] = expectCode(pod(`
  containers:
    - name: a
      image: x:1
      resources: { limits: { example.com/gpu: 1500m } }`), 'invalid-resource-value', 1);
    assert.match(d!.message, /^spec\.containers\[0\]\.resources\.limits\[example\.com\/gpu\]: Invalid value: "1500m": must be an integer\./);
    assert.ok(d!.message.endsWith(' The API server also reports spec.containers[0].resources.requests[example.com/gpu]: Invalid value: "1500m": must be an integer, because it copies this limit to the missing request.'), d!.message);
  });
  it('says nothing about the request when one is written, or in a template (not defaulted)', () => {
    const [written] = expectCode(pod(`
  containers:
    - name: a
      image: x:1
      resources: { requests: { cpu: 1 }, limits: { cpu: -1 } }`), 'invalid-resource-value', 1);
    assert.doesNotMatch(written!.message, /also reports/);
    const [tpl] = expectCode(deployment(`
containers:
  - name: a
    image: x:1
    resources: { limits: { cpus: 1 } }`), 'invalid-resource-name', 2);
    assert.doesNotMatch(tpl!.message, /also reports/);
  });
});

describe('pod-resources-inconsistent: templates are validated as written, their pods after defaulting', () => {
  const text = deployment(`
resources:
  requests: { memory: 100Mi }
containers:
  - name: a
    image: x:1
    resources: { limits: { memory: 1Gi } }`);
  it('warns on the template with the pod\'s error in the API server\'s words (pkg/controller GetPodFromTemplate, then pod create)', () => {
    const found = diags(text, '1.34', 'pod-resources-inconsistent');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'warning');
    assert.match(found[0]!.message, /^spec\.template\.spec\.resources\.requests\[memory\]: the API server accepts this Deployment, but rejects every pod created from it: spec\.resources\.requests\[memory\]: Invalid value: "100Mi": must be greater than or equal to aggregate container requests of 1Gi\./);
    expectNoErrors(text, '1.34');
  });
  it('is an error on a Pod (validated after SetDefaults_Pod)', () => {
    const [d] = expectCode(pod(`
  resources:
    requests: { memory: 100Mi }
  containers:
    - name: a
      image: x:1
      resources: { limits: { memory: 1Gi } }`), 'pod-resources-inconsistent', 1, '1.34');
    assert.equal(d!.severity, 'error');
  });
  it('compares values rounded up to milli (SetDefaults_ResourceList): 1e-9 and 1m agree', () => {
    expectNoErrors(deployment(`
resources:
  requests: { cpu: 0.000000001 }
containers:
  - name: a
    image: x:1
    resources: { requests: { cpu: 1e-3, memory: 1Gi }, limits: { memory: 1Gi } }`), '1.37');
  });
});

describe('pod-level values defaulted from the containers', () => {
  const negative = pod(`
  initContainers:
    - name: i
      image: x:1
      resources: { requests: { memory: "-1Mi" } }
  containers:
    - { name: a, image: x:1 }
  resources:
    requests: { cpu: 1 }`);
  it('1.37 defaults the pod-level memory request whenever a pod-level value is set (PodLevelResourcesFixDefaulting)', () => {
    const found = diags(negative, '1.37', 'invalid-resource-value').map((d) => d.message.split('. ')[0]);
    assert.deepEqual(found, [
      'spec.initContainers[0].resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
      'spec.resources.requests[memory]: Invalid value: "-1Mi": must be greater than or equal to 0',
    ]);
  });
  it('1.34 defaults pod-level requests only when a pod-level limit is set', () => {
    assert.equal(diags(negative, '1.34', 'invalid-resource-value').length, 1);
  });
});
