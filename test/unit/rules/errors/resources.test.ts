import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, expectCode, expectNoErrors, pod } from './errorsHelpers';

const res = (resources: string, extra = '') => pod(`${extra}
  containers:
    - name: a
      image: x:1
      resources: ${resources}`);

describe('invalid-resource-name', () => {
  it('rejects unknown unqualified names, pointing at the key', () => {
    const text = res('{ requests: { cpus: 1 } }');
    const found = expectCode(text, 'invalid-resource-name', 2);
    assert.match(found[0]!.message, /^spec\.containers\[0\]\.resources\.requests\[cpus\]: Invalid value: "cpus": must be a standard resource type or fully qualified/);
    assert.match(found[1]!.message, /must be a standard resource for containers/);
    assert.equal(covered(text, found[0]!), 'cpus');
    assert.equal((found[0]!.data as { suggestion: string }).suggestion, 'cpu');
  });
  it('accepts standard, hugepages and extended resources (valid)', () => {
    expectCode(res('{ limits: { cpu: 1, memory: 1Gi, ephemeral-storage: 1Gi, hugepages-2Mi: 4Mi, example.com/gpu: 1, nvidia.com/gpu: 1 } }'), 'invalid-resource-name', 0);
  });
  it('rejects quota-only names and malformed qualified names', () => {
    expectCode(res('{ limits: { requests.cpu: 1 } }'), 'invalid-resource-name', 1);
    const [d] = expectCode(res('{ limits: { "Example.com/gpu": 1 } }'), 'invalid-resource-name', 1);
    assert.match(d!.message, /prefix part a lowercase RFC 1123 subdomain/);
  });
});

describe('invalid-resource-value', () => {
  it('rejects negative quantities', () => {
    const text = res('{ limits: { memory: -1Gi } }');
    const [d] = expectCode(text, 'invalid-resource-value', 1);
    assert.match(d!.message, /resources\.limits\[memory\]: Invalid value: "-1Gi": must be greater than or equal to 0/);
    assert.equal(covered(text, d!), '-1Gi');
  });
  it('requires whole numbers for extended resources only', () => {
    const [d] = expectCode(res('{ limits: { example.com/gpu: 500m } }'), 'invalid-resource-value', 1);
    assert.match(d!.message, /must be an integer/);
    expectCode(res('{ limits: { cpu: 500m, example.com/gpu: 2 } }'), 'invalid-resource-value', 0);
  });
});

describe('request-exceeds-limit', () => {
  it('rejects a request above its limit, comparing exactly', () => {
    const text = res('{ requests: { cpu: 1500m, memory: 1Gi }, limits: { cpu: "1", memory: 1024Mi } }');
    const [d] = expectCode(text, 'request-exceeds-limit', 1);
    assert.match(d!.message, /^spec\.containers\[0\]\.resources\.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1/);
    assert.equal(covered(text, d!), '1500m');
    assert.deepEqual(d!.data, { where: { owner: 'container', list: 'containers', index: 0 }, resource: 'cpu', value: '1' });
  });
  it('accepts limits-only containers and requests below limits (valid)', () => {
    expectNoErrors(res('{ limits: { cpu: 500m, memory: 128Mi } }'));
    expectNoErrors(res('{ requests: { cpu: 250m }, limits: { cpu: 500m } }'));
  });
});

describe('non-overcommittable-resource', () => {
  it('requires a limit for extended-resource requests', () => {
    const [d] = expectCode(res('{ requests: { example.com/gpu: 1 } }'), 'non-overcommittable-resource', 1);
    assert.match(d!.message, /resources\.limits: Required value: Limit must be set for non overcommitable resources/);
  });
  it('requires request == limit', () => {
    const [d] = expectCode(res('{ requests: { example.com/gpu: 1 }, limits: { example.com/gpu: 2 } }'), 'non-overcommittable-resource', 1);
    assert.match(d!.message, /Invalid value: "1": must be equal to example\.com\/gpu limit of 2/);
  });
  it('accepts a limit alone (the request defaults to it)', () => {
    expectNoErrors(res('{ limits: { example.com/gpu: 1 } }'));
  });
});

describe('invalid-hugepages', () => {
  it('requires cpu or memory next to hugepages', () => {
    const [d] = expectCode(res('{ limits: { hugepages-2Mi: 4Mi } }'), 'invalid-hugepages', 1);
    assert.match(d!.message, /resources: Forbidden: HugePages require cpu or memory/);
    expectCode(res('{ limits: { hugepages-2Mi: 4Mi, memory: 1Gi } }'), 'invalid-hugepages', 0);
  });
  it('requires a multiple of the page size', () => {
    const [d] = expectCode(res('{ limits: { hugepages-2Mi: 3Mi, memory: 1Gi } }'), 'invalid-hugepages', 1);
    assert.match(d!.message, /"3Mi": 3Mi is not positive integer multiple of hugepages-2Mi/);
  });
});

describe('pod-level resources', () => {
  const spec = (podRes: string, ctr: string) => pod(`
  resources: ${podRes}
  containers:
    - { name: a, image: x:1, resources: ${ctr} }
    - { name: b, image: x:1, resources: { requests: { cpu: 500m } } }`);
  it('is flagged as unsupported before 1.34', () => {
    const text = spec('{ limits: { cpu: 2 } }', '{}');
    const [d] = expectCode(text, 'pod-resources-unsupported', 1, '1.33');
    assert.match(d!.message, /1\.34/);
    assert.equal(covered(text, d!), 'resources');
    expectCode(text, 'pod-resources-unsupported', 0, '1.34');
  });
  it('requires pod requests to cover the aggregate of container requests', () => {
    const [d] = expectCode(spec('{ requests: { cpu: 1 } }', '{ requests: { cpu: 800m } }'), 'pod-resources-inconsistent', 1, '1.34');
    assert.match(d!.message, /^spec\.resources\.requests\[cpu\]: Invalid value: "1": must be greater than or equal to aggregate container requests of 1300m/);
  });
  it('forbids container limits above pod limits', () => {
    // On a Pod the container's memory request is copied from its 2Gi limit (SetDefaults_Pod) and the pod-level
    // request defaulted from it, so the API server also rejects spec.resources.requests (the reference at 1.34 and
    // 1.37 prints both errors; this test expected only the first before issue 13).
    const [d, e] = expectCode(spec('{ limits: { memory: 1Gi } }', '{ limits: { memory: 2Gi } }'), 'pod-resources-inconsistent', 2, '1.34');
    assert.match(d!.message, /spec\.resources\.containers\[0\]\[memory\]\.limits: Invalid value: "2Gi": must be less than or equal to pod limits of 1Gi/);
    assert.match(e!.message, /^spec\.resources\.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi\./);
  });
  it('accepts consistent pod-level resources and rejects unsupported names', () => {
    expectNoErrors(spec('{ requests: { cpu: 2 }, limits: { cpu: 4, memory: 2Gi } }', '{ limits: { memory: 1Gi } }'), '1.34');
    const [d] = expectCode(spec('{ limits: { ephemeral-storage: 1Gi } }', '{}'), 'invalid-resource-name', 1, '1.34');
    assert.match(d!.message, /Unsupported value: "ephemeral-storage": supported values: "cpu", "hugepages-", "memory"/);
  });
});
