/** hpa-missing-request: Utilization metrics need the request on every container the autoscaler reads (calculateRequests). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, findings } from './helpers';

const CODE = 'hpa-missing-request';
const hpa = (spec: string, apiVersion = 'autoscaling/v2') => `apiVersion: ${apiVersion}
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
${spec}`;
const resource = (name: string, type = 'Utilization') => `  metrics:
    - type: Resource
      resource:
        name: ${name}
        target: {type: ${type}, averageUtilization: 70}
`;
const app = (resources: string) => `        - name: app
          image: web
          resources: ${resources}
`;
const sidecar = (resources: string) => `      initContainers:
        - name: shipper
          image: shipper
          restartPolicy: Always
          resources: ${resources}
`;
const check = (h: string, target: string, more: Record<string, string> = {}, version?: string) =>
  findings({ '/w/hpa.yaml': h, '/w/web.yaml': target, ...more }, '/w/hpa.yaml', CODE, version);

describe(CODE, () => {
  it('reports a sidecar without the request, on the metric\'s resource name', () => {
    const target = deployment('web', { containers: app('{requests: {cpu: 100m}}'), extra: sidecar('{}') });
    const [f, ...rest] = check(hpa(resource('cpu')), target);
    assert.equal(rest.length, 0);
    assert.equal(f!.at, 'cpu');
    assert.match(f!.message, /^spec\.metrics\[0\]\.resource\.name: cpu utilization is measured against the sum of the cpu requests of every container, sidecars included, but these containers of Deployment\/web have no cpu request .*: "shipper"\. The autoscaler reports `missing request for cpu in container shipper of Pod …`/);
  });

  it('counts a request defaulted from a limit, and a LimitRange default request in the namespace', () => {
    assert.deepEqual(check(hpa(resource('memory')), deployment('web', { containers: app('{limits: {memory: 128Mi}}') })), []);
    const bare = deployment('web', { containers: app('{}') });
    assert.equal(check(hpa(resource('memory')), bare).length, 1);
    const lr = 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults}\nspec:\n  limits:\n    - type: Container\n      max: {memory: 1Gi}\n';
    assert.deepEqual(check(hpa(resource('memory')), bare, { '/w/lr.yaml': lr }), [], 'max becomes default, then defaultRequest');
    assert.equal(check(hpa(resource('cpu')), bare, { '/w/lr.yaml': lr }).length, 1, 'no cpu default');
    const lrElsewhere = lr.replace('name: defaults}', 'name: defaults, namespace: other}');
    assert.equal(check(hpa(resource('memory')), bare, { '/w/lr.yaml': lrElsewhere }).length, 1);
  });

  it('reads the defaults: autoscaling/v2 without metrics is cpu at 80%, autoscaling/v1 targetCPUUtilizationPercentage', () => {
    const noCpu = deployment('web', { containers: app('{requests: {memory: 64Mi}}') });
    const [f] = check(hpa(''), noCpu);
    assert.equal(f?.at, 'spec');
    assert.match(f!.message, /^spec: cpu utilization/);
    const [g] = check(hpa('  targetCPUUtilizationPercentage: 50\n', 'autoscaling/v1'), noCpu);
    assert.equal(g?.at, 'targetCPUUtilizationPercentage');
    assert.deepEqual(check(hpa(resource('cpu', 'AverageValue')), noCpu), [], 'an AverageValue target needs no request');
  });

  it('reads one container for ContainerResource, and says when it does not exist', () => {
    const target = deployment('web', { containers: app('{requests: {cpu: 100m}}'), extra: sidecar('{}') });
    const metric = (container: string) => `  metrics:\n    - type: ContainerResource\n      containerResource:\n        name: cpu\n        container: ${container}\n        target: {type: Utilization, averageUtilization: 60}\n`;
    assert.deepEqual(check(hpa(metric('app')), target), []);
    const [f] = check(hpa(metric('shipper')), target);
    assert.match(f!.message, /^spec\.metrics\[0\]\.containerResource\.name: cpu utilization of container "shipper"/);
    const [g] = check(hpa(metric('nope')), target);
    assert.match(g!.message, /has no container or sidecar named "nope"/);
  });

  it('with pod-level requests (1.34 and later) only the pod as a whole needs the resource', () => {
    const podLevel = (r: string) => deployment('web', { containers: app('{}'), extra: `      resources: ${r}\n` });
    assert.deepEqual(check(hpa(resource('cpu')), podLevel('{requests: {cpu: "1"}}')), []);
    assert.deepEqual(check(hpa(resource('cpu')), podLevel('{limits: {cpu: "1"}}')), [], 'pod-level request defaulted from the limit');
    const [f] = check(hpa(resource('cpu')), podLevel('{requests: {memory: 1Gi}}'));
    assert.match(f!.message, /neither its pod-level spec\.resources nor any container has one/);
    const [g] = check(hpa(resource('cpu')), podLevel('{requests: {cpu: "1"}}'), {}, '1.33');
    assert.match(g!.message, /these containers of Deployment\/web have no cpu request/, 'before 1.34 the containers count');
  });

  it('stays quiet when the target is elsewhere, ambiguous, or templated', () => {
    const bare = deployment('web', { containers: app('{}') });
    assert.deepEqual(check(hpa(resource('cpu')), deployment('other', { containers: app('{}') })), []);
    assert.deepEqual(check(hpa(resource('cpu')), deployment('web', { ns: 'b', containers: app('{}') })), []);
    assert.deepEqual(check(hpa(resource('cpu')), bare, { '/w/patch.yaml': deployment('web', { containers: app('{}') }) }), []);
    assert.deepEqual(check(hpa(resource('cpu')), deployment('web', { containers: app('{{ toYaml .Values.resources }}') })), []);
  });
});
