// Kubernetes' own test tables for effective resources and QoS (component-helpers helpers_test.go,
// qos_test.go, kubectl qos_test.go, defaults_test.go, ...), as facts in
// test/fixtures/k8s-resource-cases.json (format: docs/kubernetes-resources.md §9). Each pod goes
// through the real service, as the CLI and the language server use it.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createPodService } from '../../server/src/service/index';

interface Case {
  name: string;
  source: string;
  kubernetesVersion: string;
  pod: unknown;
  expected: { requests?: Record<string, string>; limits?: Record<string, string>; qosClass?: string };
  derivedQosClass?: string;
}

const cases = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/k8s-resource-cases.json'), 'utf8')) as Case[];
const service = createPodService();

describe('Kubernetes test-table cases: effective requests, limits and QoS', () => {
  it('has the cases', () => assert.ok(cases.length >= 100));
  cases.forEach((c, i) => {
    it(`${c.name} (${c.kubernetesVersion}; ${c.source.split(':').pop()})`, () => {
      // JSON is YAML: feed the pod as a one-line flow document and as block YAML-ish JSON.
      for (const text of [JSON.stringify(c.pod), JSON.stringify(c.pod, null, 2)]) {
        const result = service.analysis({ uri: `file:///case-${i}.json`, version: text.length, text }, { kubernetesVersion: c.kubernetesVersion });
        assert.equal(result.pods.length, 1);
        const pod = result.pods[0]!;
        assert.deepEqual(pod.requests, c.expected.requests ?? {}, 'requests');
        assert.deepEqual(pod.limits, c.expected.limits ?? {}, 'limits');
        const qos = c.expected.qosClass ?? c.derivedQosClass;
        if (qos) assert.equal(pod.qosClass, qos, 'QoS class');
        assert.deepEqual(Object.keys(pod.requests), Object.keys(pod.requests).sort(), 'keys sorted as Go writes them');
      }
    });
  });
});
