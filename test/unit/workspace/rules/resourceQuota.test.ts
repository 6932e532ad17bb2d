/**
 * resource-quota-exceeded and resource-quota-surge: a namespace's workloads (replicas × the pod evaluator's
 * usage, after LimitRange defaults) and objects against a ResourceQuota's hard limits, and a Deployment's
 * rolling-update surge pods against what is left.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, findings } from './helpers';
import { fenceposts } from '../../../../server/src/analysis/workspace/rules/resourceQuotaSurge';

const quota = (hard: string, extra = '', ns = '') => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: team
${ns ? `  namespace: ${ns}\n` : ''}spec:
${extra}  hard:
${hard}`;

const pod = (name: string, resources: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
    - name: app
      image: nginx
${resources}`;

const EXCEEDED = 'resource-quota-exceeded';
const SURGE = 'resource-quota-surge';

describe(EXCEEDED, () => {
  it('sums replicas × requests across files and reports the hard entry, naming the biggest users and their files', () => {
    const files = {
      '/w/ns/quota.yaml': quota('    requests.cpu: "1"\n    requests.memory: 1Gi\n'),
      '/w/apps/web.yaml': deployment('web', { replicas: 3 }),
      '/w/apps/api.yaml': deployment('api', { replicas: 8 }),
    };
    const found = findings(files, '/w/ns/quota.yaml', EXCEEDED);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.at, 'requests.cpu');
    assert.equal(found[0]!.message, 'requests.cpu: the pods of namespace default this ResourceQuota selects use 1100m in the steady state, more than its hard limit of 1, so the API server refuses the pods past it (exceeded quota: team) and some replicas never start. Used by: Deployment/api (8 × 100m = 800m, ../apps/api.yaml), Deployment/web (3 × 100m = 300m, ../apps/web.yaml). Raise the limit or lower replicas or requests.');
    assert.deepEqual(findings({ ...files, '/w/apps/api.yaml': deployment('api', { replicas: 7 }) }, '/w/ns/quota.yaml', EXCEEDED), [], '1000m fits exactly');
  });

  it('counts pods and objects: Pods, Jobs by parallelism, DaemonSets as one pod, CronJobs as none; Services and Deployments', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: batch}\nspec:\n  parallelism: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: a, image: x}]\n';
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: a, image: x}]\n';
    const files = {
      '/w/quota.yaml': quota('    pods: "5"\n    count/deployments.apps: "1"\n    services: "2"\n'),
      '/w/job.yaml': job, '/w/cron.yaml': cron,
      '/w/ds.yaml': deployment('agent', { kind: 'DaemonSet' }),
      '/w/solo.yaml': pod('solo', ''),
      '/w/web.yaml': deployment('web', { replicas: 1 }) + '---\n' + deployment('api', { replicas: 1 }),
      '/w/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n',
    };
    const found = findings(files, '/w/quota.yaml', EXCEEDED);
    assert.deepEqual(found.map((f) => f.at), ['pods', 'count/deployments.apps']);
    assert.match(found[0]!.message, /use 7 in the steady state, more than its hard limit of 5/, 'Job 3 + DaemonSet 1 + Pod 1 + 2 Deployments × 1');
    assert.match(found[0]!.message, /, 2 more\. /);
    assert.match(found[0]!.message, /Job\/batch \(3 × 1 = 3, job\.yaml\)/);
    assert.doesNotMatch(found[0]!.message, /CronJob/);
    assert.equal(found[1]!.message, 'count/deployments.apps: namespace default has 2 of these objects in the workspace, more than the 1 ResourceQuota team allows; the API server refuses each one past the limit (exceeded quota: team).');
  });

  it('applies the namespace\'s LimitRange defaults before counting', () => {
    const lr = 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults}\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {memory: 512Mi}\n      default: {memory: 1Gi}\n';
    const files = { '/w/quota.yaml': quota('    requests.memory: 1Gi\n'), '/w/a.yaml': pod('a', ''), '/w/b.yaml': pod('b', ''), '/w/c.yaml': pod('c', '') };
    assert.deepEqual(findings(files, '/w/quota.yaml', EXCEEDED), [], 'without the LimitRange, BestEffort pods request no memory');
    const [f] = findings({ ...files, '/w/lr.yaml': lr }, '/w/quota.yaml', EXCEEDED);
    assert.match(f!.message, /use 1536Mi in the steady state/);
  });

  it('is quiet for another namespace, a scope that selects none of the pods, and a workload written twice', () => {
    const hard = '    requests.cpu: 100m\n';
    const big = { '/w/web.yaml': deployment('web', { replicas: 5 }) };
    assert.equal(findings({ '/w/quota.yaml': quota(hard), ...big }, '/w/quota.yaml', EXCEEDED).length, 1);
    assert.deepEqual(findings({ '/w/quota.yaml': quota(hard, '', 'other'), ...big }, '/w/quota.yaml', EXCEEDED), []);
    assert.deepEqual(findings({ '/w/quota.yaml': quota(hard, '  scopes: [Terminating]\n'), ...big }, '/w/quota.yaml', EXCEEDED), [], 'no pod has activeDeadlineSeconds');
    const priority = '  scopeSelector:\n    matchExpressions:\n      - {scopeName: PriorityClass, operator: In, values: [high]}\n';
    assert.deepEqual(findings({ '/w/quota.yaml': quota(hard, priority), ...big }, '/w/quota.yaml', EXCEEDED), []);
    assert.deepEqual(findings({ '/w/quota.yaml': quota(hard), ...big, '/w/overlay/web.yaml': deployment('web', { replicas: 1 }) }, '/w/quota.yaml', EXCEEDED), [], 'base + overlay patch');
  });

  it('BestEffort pods charge nothing to a requests.cpu quota; a BestEffort-scoped pods quota counts only them', () => {
    const files = { '/w/a.yaml': pod('a', ''), '/w/b.yaml': pod('b', ''), '/w/c.yaml': pod('c', '      resources: {requests: {cpu: 50m}}\n') };
    assert.deepEqual(findings({ ...files, '/w/quota.yaml': quota('    requests.cpu: 100m\n') }, '/w/quota.yaml', EXCEEDED), []);
    const [f] = findings({ ...files, '/w/quota.yaml': quota('    pods: "1"\n', '  scopes: [BestEffort]\n') }, '/w/quota.yaml', EXCEEDED);
    assert.match(f!.message, /use 2 in the steady state/);
  });
});

describe(SURGE, () => {
  const web = (replicas: number, strategy = '') => deployment('web', { replicas }).replace('  selector:', `${strategy}  selector:`);

  it('warns when the steady state fits but the maxSurge pods do not (25% rounded up by default), on the replicas line', () => {
    const files = { '/w/quota.yaml': quota('    requests.cpu: 450m\n'), '/w/web.yaml': web(4) };
    assert.deepEqual(findings(files, '/w/quota.yaml', EXCEEDED), []);
    const [f] = findings(files, '/w/web.yaml', SURGE);
    assert.equal(f!.at, 'replicas', 'no strategy written: the replicas line');
    assert.equal(f!.message, 'A rolling update of Deployment/web starts up to 1 extra pod(s) (maxSurge) that need 100m more requests.cpu, but ResourceQuota team has only 50m left of its 450m: the extra pods are refused (exceeded quota) and the rollout only moves as old pods go, 1 at a time (maxUnavailable). Set maxSurge to 0 (with maxUnavailable at least 1, old pods go first), or raise requests.cpu in the quota to at least 500m.');
    assert.deepEqual(findings({ ...files, '/w/quota.yaml': quota('    requests.cpu: 500m\n') }, '/w/web.yaml', SURGE), [], 'one surge pod fits exactly');
  });

  it('on maxSurge itself; says the rollout never progresses with maxUnavailable 0; offers the surge that fits', () => {
    const strategy = '  strategy:\n    rollingUpdate:\n      maxSurge: 3\n      maxUnavailable: 0\n';
    const files = { '/w/quota.yaml': quota('    pods: "6"\n'), '/w/web.yaml': web(4, strategy) };
    const [f] = findings(files, '/w/web.yaml', SURGE);
    assert.equal(f!.at, '3');
    assert.equal(f!.message, 'A rolling update of Deployment/web starts up to 3 extra pod(s) (maxSurge) that need 3 more pods, but ResourceQuota team has only 2 left of its 6: the extra pods are refused (exceeded quota) and, with maxUnavailable 0, the rollout never progresses. Lower maxSurge to 2, or raise pods in the quota to at least 7.');
  });

  it('is quiet for Recreate, when the steady state already exceeds (the other rule says so), and for a quota that does not select the pods', () => {
    const recreate = '  strategy:\n    type: Recreate\n';
    assert.deepEqual(findings({ '/w/quota.yaml': quota('    pods: "4"\n'), '/w/web.yaml': web(4, recreate) }, '/w/web.yaml', SURGE), []);
    assert.deepEqual(findings({ '/w/quota.yaml': quota('    pods: "3"\n'), '/w/web.yaml': web(4) }, '/w/web.yaml', SURGE), []);
    assert.deepEqual(findings({ '/w/quota.yaml': quota('    pods: "4"\n', '  scopes: [BestEffort]\n'), '/w/web.yaml': web(4) }, '/w/web.yaml', SURGE), []);
    assert.deepEqual(findings({ '/w/quota.yaml': quota('    pods: "4"\n', '', 'other'), '/w/web.yaml': web(4) }, '/w/web.yaml', SURGE), []);
    assert.equal(findings({ '/w/quota.yaml': quota('    pods: "4"\n'), '/w/web.yaml': web(4) }, '/w/web.yaml', SURGE).length, 1);
  });
});

describe('rolling update fenceposts (deployment util ResolveFenceposts)', () => {
  it('rounds maxSurge up and maxUnavailable down; both 0 makes maxUnavailable 1; other strings are not read', () => {
    assert.deepEqual(fenceposts(undefined, undefined, 10), { surge: 3, unavailable: 2 });
    assert.deepEqual(fenceposts('10%', '10%', 5), { surge: 1, unavailable: 0 });
    assert.deepEqual(fenceposts(0, '0%', 5), { surge: 0, unavailable: 1 });
    assert.equal(fenceposts('two', 1, 5), undefined);
  });
});
