/** service-selector-no-pods: a Service whose selector selects no pod template of its namespace. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deployment, findings, fixed } from './helpers';

const CODE = 'service-selector-no-pods';
const service = (selector: string, opts: { ns?: string; type?: string } = {}) => `apiVersion: v1
kind: Service
metadata:
  name: web
${opts.ns ? `  namespace: ${opts.ns}\n` : ''}spec:
${opts.type ? `  type: ${opts.type}\n` : ''}${selector}  ports:
    - port: 80
      targetPort: http
`;

describe(CODE, () => {
  it('reports a selector that no pod template of the namespace matches, on the selector key', () => {
    const files = { '/w/svc.yaml': service('  selector:\n    app: web\n'), '/w/deploy.yaml': deployment('api') };
    const [f, ...rest] = findings(files, '/w/svc.yaml', CODE);
    assert.equal(rest.length, 0);
    assert.equal(f!.at, 'selector');
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /^spec\.selector: no Pod or workload pod template in namespace default has the labels \{"app":"web"\}/);
  });

  it('is quiet when a Pod, a workload or a CronJob template has the labels (a superset is fine)', () => {
    const svc = service('  selector:\n    app: web\n    tier: front\n');
    for (const other of [
      deployment('web', { labels: 'app: web\n        tier: front\n        extra: x' }),
      deployment('web', { kind: 'StatefulSet', labels: 'app: web\n        tier: front' }),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {app: web, tier: front}\nspec:\n  containers: [{name: a, image: x}]\n',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: web, tier: front}}\n        spec: {containers: [{name: a, image: x}], restartPolicy: Never}\n',
    ]) {
      assert.deepEqual(findings({ '/w/svc.yaml': svc, '/w/other.yaml': other }, '/w/svc.yaml', CODE), [], other);
    }
  });

  it('matches only in the Service\'s own namespace: pods in another namespace do not count', () => {
    const files = {
      '/w/a/svc.yaml': service('  selector:\n    app: web\n', { ns: 'a' }),
      '/w/a/api.yaml': deployment('api', { ns: 'a' }),
      '/w/b/web.yaml': deployment('web', { ns: 'b' }),
    };
    assert.equal(findings(files, '/w/a/svc.yaml', CODE).length, 1);
    // The same files with the Service moved to b by a kustomization's namespace: now it matches.
    const moved = { ...files, '/w/a/kustomization.yaml': 'namespace: b\nresources:\n  - svc.yaml\n' };
    assert.deepEqual(findings(moved, '/w/a/svc.yaml', CODE), []);
  });

  it('applies a kustomization\'s namespace over metadata.namespace to the pods too', () => {
    const files = {
      '/w/app/kustomization.yaml': 'namespace: shop\nresources:\n  - web.yaml\n',
      '/w/app/web.yaml': deployment('web', { ns: 'written' }),
      '/w/svc.yaml': service('  selector:\n    app: web\n', { ns: 'written' }),
      '/w/other.yaml': deployment('other', { ns: 'written' }),
    };
    assert.equal(findings(files, '/w/svc.yaml', CODE).length, 1, 'the Deployment is in shop, not written');
  });

  it('is quiet without a selector, with an empty selector, for ExternalName, and in a namespace without pod templates', () => {
    const api = { '/w/api.yaml': deployment('api') };
    assert.deepEqual(findings({ ...api, '/w/svc.yaml': service('') }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ ...api, '/w/svc.yaml': service('  selector: {}\n') }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ ...api, '/w/svc.yaml': service('  selector:\n    app: web\n', { type: 'ExternalName' }) }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ '/w/svc.yaml': service('  selector:\n    app: web\n') }, '/w/svc.yaml', CODE), []);
    assert.deepEqual(findings({ ...api, '/w/svc.yaml': service('  selector:\n    app: web\n', { ns: 'elsewhere' }) }, '/w/svc.yaml', CODE), []);
  });

  it('is quiet when a pod template or the Service comes from Helm template actions', () => {
    const helmDeployment = deployment('web', { labels: '{{- include "web.selectorLabels" . | nindent 8 }}' });
    assert.deepEqual(findings({ '/w/svc.yaml': service('  selector:\n    app: web\n'), '/w/t.yaml': helmDeployment }, '/w/svc.yaml', CODE), []);
    const helmService = service('  selector:\n    app: {{ .Values.app }}\n');
    assert.deepEqual(findings({ '/w/svc.yaml': helmService, '/w/api.yaml': deployment('api') }, '/w/svc.yaml', CODE), []);
  });

  it('counts a custom resource\'s spec.template labels (an Argo Rollout makes the pods)', () => {
    const rollout = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: x}]}\n';
    assert.deepEqual(findings({ '/w/svc.yaml': service('  selector:\n    app: web\n'), '/w/api.yaml': deployment('api'), '/w/r.yaml': rollout }, '/w/svc.yaml', CODE), []);
  });

  it('offers the label value of the one template that differs in one value, and nothing when the fix is unclear', () => {
    const files = { '/w/svc.yaml': service('  selector:\n    app: webapp\n    tier: front\n'), '/w/web.yaml': deployment('web', { labels: 'app: web\n        tier: front' }) };
    const [f] = findings(files, '/w/svc.yaml', CODE);
    const fix = fixed(files, '/w/svc.yaml', f!);
    assert.equal(fix?.title, 'Set the selector\'s app to web (the label of Deployment/web)');
    assert.match(fix!.text, /selector:\n {4}app: web\n {4}tier: front\n/);
    // Two templates, each one value off in a different way: no clear fix.
    const two = { ...files, '/w/web2.yaml': deployment('web2', { labels: 'app: webapp\n        tier: back' }) };
    const [g] = findings(two, '/w/svc.yaml', CODE);
    assert.equal(fixed(two, '/w/svc.yaml', g!), undefined);
    // A value that YAML would read as something else is quoted.
    const yes = { '/w/svc.yaml': service('  selector: {app: web, enabled: x}\n'), '/w/web.yaml': deployment('web', { labels: 'app: web\n        enabled: "yes"' }) };
    const [h] = findings(yes, '/w/svc.yaml', CODE);
    assert.match(fixed(yes, '/w/svc.yaml', h!)!.text, /selector: \{app: web, enabled: "yes"\}/);
  });
});
