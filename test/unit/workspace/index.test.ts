/** The workspace index (analysis/workspace): namespaces, incremental updates, caps, facts, hostile input. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WorkspaceIndex, objectsOfText } from '../../../server/src/analysis/workspace/index';
import { matches } from '../../../server/src/analysis/workspace/labelSelector';

const deployment = (name: string, ns?: string, labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns ? `  namespace: ${ns}\n` : ''}spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
`;

describe('workspace index', () => {
  it('gives each object its namespace: metadata.namespace, else the default (a setting)', () => {
    const index = new WorkspaceIndex();
    index.setFileText('/w/a.yaml', deployment('a', 'shop'));
    index.setFileText('/w/b.yaml', deployment('b'));
    assert.deepEqual(index.namespaces(), ['default', 'shop']);
    assert.equal(index.find('shop', 'Deployment')[0]!.name, 'a');
    assert.equal(index.find('default', 'Deployment', 'b').length, 1);
    assert.equal(index.setDefaultNamespace('dev'), true);
    assert.deepEqual(index.namespaces(), ['dev', 'shop']);
    assert.equal(index.find('dev', 'Deployment', 'b').length, 1);
  });

  it('applies a kustomization\'s namespace to the files it lists, over metadata.namespace; the outer one wins', () => {
    const index = new WorkspaceIndex();
    index.setFileText('/w/base/deploy.yaml', deployment('web', 'written'));
    index.setFileText('/w/other.yaml', deployment('other'));
    index.setFileText('/w/base/kustomization.yaml', 'resources:\n  - deploy.yaml\nnamespace: base-ns\n');
    assert.equal(index.namespaceOf(index.objectsOf('/w/base/deploy.yaml')[0]!), 'base-ns');
    assert.equal(index.namespaceOf(index.objectsOf('/w/other.yaml')[0]!), 'default');
    const change = index.setFileText('/w/overlay/kustomization.yaml', 'namespace: prod\nresources:\n  - ../base\n');
    assert.deepEqual(change, { all: true });
    assert.deepEqual(index.find('prod', 'Deployment').map((o) => o.name), ['web']);
    index.removeFile('/w/overlay/kustomization.yaml');
    assert.deepEqual(index.find('base-ns', 'Deployment').map((o) => o.name), ['web']);
    index.removeFile('/w/base/kustomization.yaml');
    assert.deepEqual(index.find('written', 'Deployment').map((o) => o.name), ['web']);
  });

  it('replaces only the changed file\'s objects and says which namespaces changed', () => {
    const index = new WorkspaceIndex();
    index.setFileText('/w/a.yaml', deployment('a', 'one'));
    index.setFileText('/w/b.yaml', deployment('b', 'two'));
    const before = index.objectsOf('/w/b.yaml')[0];
    const change = index.setFileText('/w/a.yaml', deployment('a2', 'three'));
    assert.deepEqual(change, { all: false, namespaces: new Set(['one', 'three']) });
    assert.equal(index.objectsOf('/w/b.yaml')[0], before, 'the other file\'s entry is the same object');
    assert.deepEqual(index.namespaces(), ['three', 'two']);
    assert.deepEqual(index.stats(), { files: 2, objects: 2, full: false });
    index.removeFile('/w/a.yaml');
    assert.deepEqual(index.namespaces(), ['two']);
  });

  it('keeps to its caps: files and objects beyond them are refused and reported', () => {
    const index = new WorkspaceIndex({ maxFiles: 2, maxObjects: 3 });
    index.setFileText('/w/1.yaml', deployment('a'));
    index.setFileText('/w/2.yaml', `${deployment('b')}---\n${deployment('c')}`);
    index.setFileText('/w/3.yaml', deployment('d'));
    assert.deepEqual(index.stats(), { files: 2, objects: 3, full: true });
    assert.equal(index.hasFile('/w/3.yaml'), false);
    index.setFileText('/w/2.yaml', `${deployment('b')}---\n${deployment('c')}---\n${deployment('e')}`);
    assert.equal(index.hasFile('/w/2.yaml'), false, 'a file that grows past the cap leaves the index');
  });

  it('reads the facts cross-object checks need', () => {
    const [d] = objectsOfText('/w/d.yaml', deployment('d', undefined, 'app: web\n        tier: front'));
    assert.equal(d!.replicas, 3);
    assert.deepEqual([...d!.pod!.labels], [['app', 'web'], ['tier', 'front']]);
    assert.deepEqual(d!.pod!.containers[0], { name: 'app', role: 'app', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], requests: { cpu: '100m' }, limits: {} });
    assert.ok(d!.selector?.present && matches(d!.selector.requirements!, d!.pod!.labels));
    const [svc, pdb, hpa] = objectsOfText('/w/s.yaml', `kind: Service
metadata: {name: s}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
kind: PodDisruptionBudget
metadata: {name: p}
spec:
  minAvailable: 2
  selector:
    matchExpressions: [{key: app, operator: In, values: [web, api]}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  scaleTargetRef: {kind: Deployment, name: d}
`);
    assert.deepEqual([...svc!.service!.selector!], [['app', 'web']]);
    assert.equal(svc!.service!.ports[0]!.targetPort!.value, 'http');
    assert.equal(pdb!.disruptionBudget!.minAvailable!.value, 2);
    assert.deepEqual(pdb!.disruptionBudget!.selector.requirements, [{ key: 'app', op: 'In', values: ['web', 'api'] }]);
    assert.deepEqual(hpa!.autoscaler!.utilizationMetrics.map((m) => m.resource), ['cpu'], 'no metrics: cpu utilization (the default)');
    assert.deepEqual(hpa!.autoscaler!.target && { kind: hpa!.autoscaler!.target!.kind, name: hpa!.autoscaler!.target!.name }, { kind: 'Deployment', name: 'd' });
  });

  it('keeps file offsets across documents and the whole tree of a LimitRange', () => {
    const text = `${deployment('a')}---\nkind: LimitRange\nmetadata: {name: l}\nspec:\n  limits: [{type: Container}]\n`;
    const objects = objectsOfText('/w/x.yaml', text);
    assert.equal(objects.length, 2);
    const lr = objects[1]!;
    assert.equal(lr.document, 1);
    assert.equal(text.slice(lr.kindSpan.start, lr.kindSpan.end), 'kind: LimitRange');
    assert.ok(lr.tree, 'the tree is kept');
    assert.equal(objects[0]!.tree, undefined, 'not for other kinds');
  });

  it('never throws on hostile YAML (alias bombs, deep nesting, garbage, huge lists)', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n') + '\nkind: *j\n';
    const deep = 'kind: Pod\nspec: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    const list = 'kind: List\nitems:\n' + '  - {kind: Pod, metadata: {name: p}}\n'.repeat(12_000);
    const index = new WorkspaceIndex();
    for (const [i, text] of [bomb, deep, '\u0000\uffff: : : [', '{{ .Values }}\nkind: Pod', list].entries()) {
      assert.doesNotThrow(() => index.setFileText(`/w/h${i}.yaml`, text));
    }
    assert.equal(index.objectsOf('/w/h4.yaml').length, 10_000, 'a List is capped per file');
  });
});
