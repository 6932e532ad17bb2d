// Pod-level resources in 1.36 vs 1.37 (docs/kubernetes-1.37-resources.md §7). The QoS rows are
// verified against Kubernetes source; the 1.37 defaulting rows ([P]) follow the maintainers'
// description of kubernetes#140514 and are provisional until the 1.37.0 code can be read.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createPodService } from '../../server/src/service/index';

type R = Record<string, unknown>;
const service = createPodService();
function pod(resources: R, containers: R[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { resources, containers } });
}
const c = (resources: R, name = 'c') => ({ name, image: 'x', resources });
function run(text: string, kubernetesVersion: string) {
  const r = service.analysis({ uri: `file:///p-${kubernetesVersion}.json`, version: 1, text }, { kubernetesVersion });
  return r.pods[0]!;
}

const rows: { n: number; text: string; requests: R; limits136: R; limits137?: R; qos136: string; qos137: string }[] = [
  { n: 1, text: pod({}, [c({ requests: { cpu: '100m', memory: '50Mi' }, limits: { cpu: '100m', memory: '50Mi' } })]), requests: { cpu: '100m', memory: '50Mi' }, limits136: { cpu: '100m', memory: '50Mi' }, qos136: 'BestEffort', qos137: 'Guaranteed' },
  { n: 2, text: pod({ requests: {}, limits: {} }, [c({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })]), requests: { cpu: '1', memory: '1Gi' }, limits136: { cpu: '1', memory: '1Gi' }, qos136: 'BestEffort', qos137: 'Guaranteed' },
  { n: 4, text: pod({ requests: { cpu: '1', memory: '1Gi' } }, [c({ limits: { cpu: '1', memory: '1Gi' } })]), requests: { cpu: '1', memory: '1Gi' }, limits136: { cpu: '1', memory: '1Gi' }, qos136: 'Burstable', qos137: 'Guaranteed' },
  { n: 5, text: pod({ requests: { cpu: '2' } }, [c({ limits: { cpu: '1', memory: '1Gi' } })]), requests: { cpu: '2', memory: '1Gi' }, limits136: { cpu: '1', memory: '1Gi' }, limits137: { cpu: '2', memory: '1Gi' }, qos136: 'Burstable', qos137: 'Guaranteed' },
  { n: 6, text: pod({ limits: { 'hugepages-2Mi': '100Mi' } }, [c({ limits: { cpu: '1', memory: '1Gi', 'hugepages-2Mi': '100Mi' } })]), requests: { cpu: '1', 'hugepages-2Mi': '100Mi', memory: '1Gi' }, limits136: { cpu: '1', 'hugepages-2Mi': '100Mi', memory: '1Gi' }, qos136: 'Burstable', qos137: 'Guaranteed' },
  { n: 7, text: pod({ requests: { cpu: '1' } }, [c({ limits: { cpu: '500m', memory: '256Mi' } }, 'c1'), c({ requests: { cpu: '500m' } }, 'c2')]), requests: { cpu: '1', memory: '256Mi' }, limits136: { cpu: '500m', memory: '256Mi' }, qos136: 'Burstable', qos137: 'Burstable' },
  { n: 8, text: pod({ requests: { cpu: '1' } }, [c({ requests: { memory: '100Mi' } })]), requests: { cpu: '1', memory: '100Mi' }, limits136: {}, qos136: 'Burstable', qos137: 'Burstable' },
  { n: 9, text: pod({ limits: { cpu: '1', memory: '1Gi' } }, [c({})]), requests: { cpu: '1', memory: '1Gi' }, limits136: { cpu: '1', memory: '1Gi' }, qos136: 'Guaranteed', qos137: 'Guaranteed' },
  { n: 10, text: pod({ requests: {} }, [c({ requests: { cpu: '100m' } })]), requests: { cpu: '100m' }, limits136: {}, qos136: 'BestEffort', qos137: 'Burstable' },
];

describe('pod-level resources: 1.36 and 1.37', () => {
  for (const r of rows) {
    it(`row ${r.n}`, () => {
      const a = run(r.text, '1.36');
      assert.deepEqual(a.requests, r.requests, '1.36 requests');
      assert.deepEqual(a.limits, r.limits136, '1.36 limits');
      assert.equal(a.qosClass, r.qos136, '1.36 QoS');
      const b = run(r.text, '1.37');
      assert.deepEqual(b.requests, r.requests, '1.37 requests');
      assert.deepEqual(b.limits, r.limits137 ?? r.limits136, '1.37 limits');
      assert.equal(b.qosClass, r.qos137, '1.37 QoS');
    });
  }
  it('before 1.34 spec.resources is dropped: the containers decide', () => {
    const p = run(rows[3]!.text, '1.33');
    assert.deepEqual(p.requests, { cpu: '1', memory: '1Gi' });
    assert.equal(p.qosClass, 'Guaranteed');
  });
});
