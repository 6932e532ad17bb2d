import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml, pods } from './helpers';

const container = `
      containers:
        - name: app
          image: nginx:1.27`;

describe('pod model', () => {
  it('finds the pod spec of every workload kind in a multi-document file', () => {
    const docs = [
      `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: app, image: x:1 }`,
      ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'].map(
        (k) => `apiVersion: apps/v1\nkind: ${k}\nmetadata: { name: ${k.toLowerCase()} }\nspec:\n  template:\n    spec:${container}`),
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: cron }\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - { name: app, image: x:1 }`,
      `apiVersion: v1\nkind: PodTemplate\nmetadata: { name: tmpl }\ntemplate:\n  spec:\n    containers:\n      - { name: app, image: x:1 }`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\ndata: { a: b }`,
    ];
    const found = pods(docs.join('\n---\n'));
    assert.deepEqual(found.map((p) => p.kind), ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate']);
    assert.deepEqual(found.map((p) => p.document), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(found.map((p) => p.index), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(found[1]!.name, 'deployment');
  });

  it('finds pods inside List objects', () => {
    const found = pods(`apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: { name: a }\n    spec:\n      containers: [{ name: c, image: x:1 }]\n  - apiVersion: v1\n    kind: Service\n    metadata: { name: s }\n`);
    assert.deepEqual(found.map((p) => p.name), ['a']);
  });

  it('ignores non-workload documents without any diagnostic', () => {
    const r = analyzeYaml(`apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  ports: [{ port: 80 }]\n---\nfoo: bar\n---\n- just\n- a list\n`);
    assert.equal(r.result.pods.length, 0);
    assert.deepEqual(r.diagnostics, []);
  });

  it('classifies containers in start order with their roles', () => {
    const [p] = pods(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  initContainers:\n    - { name: a, image: x:1 }\n    - { name: b, image: x:1, restartPolicy: Always }\n    - { name: c, image: x:1 }\n  containers:\n    - { name: d, image: x:1 }\n    - { name: e, image: x:1 }\n  ephemeralContainers:\n    - { name: f, image: x:1 }\n`);
    assert.deepEqual(p!.containers.map((c) => `${c.name}:${c.role}:${c.index}`), ['a:init:0', 'b:sidecar:1', 'c:init:2', 'd:app:0', 'e:app:1', 'f:ephemeral:0']);
  });

  it('resolves anchors, aliases and merge keys', () => {
    const [p] = pods(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      image: x:1\n      resources: &res\n        requests: { cpu: 100m }\n    - <<: &base { image: "x:1", resources: *res }\n      name: b\n`);
    assert.deepEqual(p!.requests, { cpu: '200m' });
  });

  it('reports ranges in document coordinates across documents', () => {
    const text = `kind: ConfigMap\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - { name: a, image: x:1, resources: { requests: { cpu: lots } } }\n`;
    const r = analyzeYaml(text);
    const d = r.diagnostics.find((x) => x.code === 'invalid-quantity');
    assert.ok(d);
    assert.equal(d.range.start.line, 7);
    assert.equal(text.split('\n')[7]!.slice(d.range.start.character, d.range.end.character), 'lots');
    assert.equal(r.result.pods[0]!.document, 1);
  });
});
