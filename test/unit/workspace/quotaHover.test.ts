/** The hover on a ResourceQuota: a usage table from the namespace's workloads in the workspace (issue 16). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace/index';
import { quotaHover } from '../../../server/src/analysis/workspace/quotaHover';
import { kubeVersionOrLatest } from '../../../server/src/model/version';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "1"
    limits.memory: 1Gi
    pods: "10"
    count/deployments.apps: "5"
`;

const DEPLOY = (name: string, replicas: number, cpu: string, memory: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1
          resources: { requests: { cpu: ${cpu}, memory: 64Mi }, limits: { memory: ${memory} } }
`;

describe('quota hover', () => {
  const version = kubeVersionOrLatest(undefined);
  const index = new WorkspaceIndex();
  index.setFileText('/ws/quota.yaml', QUOTA);
  index.setFileText('/ws/web.yaml', DEPLOY('web', 3, '200m', '256Mi'));
  index.setFileText('/ws/api.yaml', DEPLOY('api', 1, '500m', '512Mi'));
  index.setFileText('/ws/other.yaml', DEPLOY('other', 9, '2', '8Gi').replace('namespace: shop', 'namespace: elsewhere'));

  it('shows used, hard and headroom per entry, with the largest users', () => {
    const md = quotaHover(index, '/ws/quota.yaml', QUOTA.indexOf('hard:'), version)!;
    assert.ok(md, 'a hover');
    assert.match(md, /ResourceQuota `compute` in namespace `shop`/);
    const row = (name: string) => md.split('\n').find((l) => l.startsWith(`| ${name} `))?.split('|').map((c) => c.trim());
    // 3 × 200m + 1 × 500m = 1100m: over the hard 1 by 100m.
    assert.deepEqual(row('requests.cpu')?.slice(1, 5), ['requests.cpu', '1100m', '1', 'over by 100m']);
    assert.match(row('requests.cpu')![5]!, /Deployment\/web 3×200m, Deployment\/api 1×500m/);
    // 3 × 256Mi + 512Mi = 1280Mi.
    assert.deepEqual(row('limits.memory')?.slice(1, 5), ['limits.memory', '1280Mi', '1Gi', 'over by 256Mi']);
    assert.deepEqual(row('pods')?.slice(1, 5), ['pods', '4', '10', '6']);
    assert.deepEqual(row('count/deployments.apps')?.slice(1, 5), ['count/deployments.apps', '2', '5', '3']);
    assert.ok(!md.includes('Deployment/other'), 'another namespace does not count');
  });

  it('nothing outside a ResourceQuota', () => {
    assert.equal(quotaHover(index, '/ws/web.yaml', 5, version), undefined);
    assert.equal(quotaHover(index, '/ws/quota.yaml', QUOTA.length + 10, version), undefined);
  });
});
