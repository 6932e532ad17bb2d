/** pdb-blocks-eviction: budgets that allow no voluntary eviction (disruption controller getExpectedPodCount). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, findings, fixed } from './helpers';

const CODE = 'pdb-blocks-eviction';
const pdb = (budget: string, selector = 'matchLabels: {app: web}', apiVersion = 'policy/v1') => `apiVersion: ${apiVersion}
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  ${budget}
  selector:
    ${selector}
`;
const check = (budget: string, others: Record<string, string>, selector?: string) =>
  findings({ '/w/pdb.yaml': pdb(budget, selector), ...others }, '/w/pdb.yaml', CODE);

describe(CODE, () => {
  it('reports maxUnavailable 0 and "0%" whatever it selects, with a fix to 1', () => {
    for (const v of ['0', '"0%"']) {
      const [f] = check(`maxUnavailable: ${v}`, {});
      assert.equal(f?.at, v);
      assert.match(f!.message, /^spec\.maxUnavailable: (0|0%) allows no pod to be evicted/);
      assert.match(fixed({ '/w/pdb.yaml': pdb(`maxUnavailable: ${v}`) }, '/w/pdb.yaml', f!)!.text, /maxUnavailable: 1\n/);
    }
    assert.deepEqual(check('maxUnavailable: 1', { '/w/web.yaml': deployment('web', { replicas: 1 }) }), []);
    assert.deepEqual(check('maxUnavailable: "10%"', { '/w/web.yaml': deployment('web', { replicas: 3 }) }), [], '10% of 3 rounds up to 1');
  });

  it('reports minAvailable at or above the replicas of the selected workloads; the default of 1 replica counts', () => {
    const [f] = check('minAvailable: 2', { '/w/web.yaml': deployment('web', { replicas: 2 }) });
    assert.equal(f?.at, '2');
    assert.match(f!.message, /^spec\.minAvailable: 2 requires 2 healthy pods, but it selects only 2 \(Deployment\/web\)/);
    assert.match(fixed({ '/w/pdb.yaml': pdb('minAvailable: 2') }, '/w/pdb.yaml', f!)!.text, /minAvailable: 1\n/);
    const [g] = check('minAvailable: 1', { '/w/web.yaml': deployment('web', { replicas: null }) });
    assert.match(g!.message, /selects only 1 \(Deployment\/web\)/);
    assert.equal(fixed({ '/w/pdb.yaml': pdb('minAvailable: 1') }, '/w/pdb.yaml', g!), undefined, 'one replica: no minAvailable helps');
    assert.deepEqual(check('minAvailable: 1', { '/w/web.yaml': deployment('web', { replicas: 2 }) }), []);
  });

  it('sums the replicas of every workload (and bare Pod) it selects', () => {
    const others = {
      '/w/web.yaml': deployment('web', { replicas: 2 }),
      '/w/db.yaml': deployment('db', { kind: 'StatefulSet', replicas: 1, labels: 'app: web\n        role: db' }),
    };
    assert.deepEqual(check('minAvailable: 2', others), []);
    const [f] = check('minAvailable: 3', others);
    assert.match(f!.message, /selects only 3 \(Deployment\/web, StatefulSet\/db\)/);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: solo, labels: {app: web}}\nspec: {containers: [{name: a, image: x}]}\n';
    assert.equal(check('minAvailable: 1', { '/w/pod.yaml': pod }).length, 1);
  });

  it('rounds percentages up, as the disruption controller does: 90% of 3 is 3; 100% always blocks', () => {
    const web3 = { '/w/web.yaml': deployment('web', { replicas: 3 }) };
    const [f] = check('minAvailable: "90%"', web3);
    assert.match(f!.message, /^spec\.minAvailable: 90% of 3 pods \(Deployment\/web\) rounds up to 3/);
    assert.deepEqual(check('minAvailable: "60%"', web3), [], '60% of 3 rounds up to 2');
    assert.equal(check('minAvailable: "100%"', {}).length, 1);
  });

  it('reads matchExpressions In, NotIn, Exists and DoesNotExist', () => {
    const web = { '/w/web.yaml': deployment('web', { replicas: 2 }), '/w/api.yaml': deployment('api', { replicas: 5 }) };
    const exprs = (e: string) => `matchExpressions: [${e}]`;
    assert.equal(check('minAvailable: 2', web, exprs('{key: app, operator: In, values: [web]}')).length, 1);
    assert.deepEqual(check('minAvailable: 2', web, exprs('{key: app, operator: In, values: [web, api]}')), [], '2 of 7');
    assert.equal(check('minAvailable: 5', web, exprs('{key: app, operator: NotIn, values: [web]}')).length, 1, 'api: 5 of 5');
    assert.deepEqual(check('minAvailable: 5', web, exprs('{key: app, operator: Exists}')), [], '5 of 7');
    assert.deepEqual(check('minAvailable: 1', web, exprs('{key: app, operator: DoesNotExist}')), [], 'selects nothing');
  });

  it('stays quiet for pods in another namespace, DaemonSets, autoscaled workloads, templates and both fields set', () => {
    assert.deepEqual(check('minAvailable: 2', { '/w/web.yaml': deployment('web', { ns: 'b' }) }), []);
    assert.deepEqual(check('minAvailable: 1', { '/w/ds.yaml': deployment('web', { kind: 'DaemonSet' }) }), []);
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n';
    assert.deepEqual(check('minAvailable: 2', { '/w/web.yaml': deployment('web'), '/w/hpa.yaml': hpa }), []);
    assert.deepEqual(check('minAvailable: 2', { '/w/web.yaml': deployment('web', { labels: 'app: web\n        {{- include "labels" . | nindent 8 }}' }) }), []);
    assert.deepEqual(findings({ '/w/pdb.yaml': pdb('minAvailable: {{ .Values.min }}'), '/w/web.yaml': deployment('web') }, '/w/pdb.yaml', CODE), []);
    assert.deepEqual(check('minAvailable: 2\n  maxUnavailable: 0', { '/w/web.yaml': deployment('web') }), []);
  });

  it('stays quiet when an overlay patch writes the workload again (its replicas may change)', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 5\n';
    assert.equal(check('minAvailable: 2', { '/w/base/web.yaml': deployment('web', { replicas: 2 }) }).length, 1);
    assert.deepEqual(check('minAvailable: 2', { '/w/base/web.yaml': deployment('web', { replicas: 2 }), '/w/overlay/replicas.yaml': patch }), []);
  });

  it('follows a kustomization\'s namespace for the budget and the workload', () => {
    const files = {
      '/w/k/kustomization.yaml': 'namespace: prod\nresources: [pdb.yaml, web.yaml]\n',
      '/w/k/pdb.yaml': pdb('minAvailable: 2'),
      '/w/k/web.yaml': deployment('web', { ns: 'dev', replicas: 2 }),
    };
    assert.equal(findings(files, '/w/k/pdb.yaml', CODE).length, 1);
  });
});
