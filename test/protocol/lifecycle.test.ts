import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';
import type { LifecycleTimeline } from '../../server/src/protocol/lifecycle';

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata: { name: c }
---
apiVersion: v1
kind: Pod
metadata:
  name: first
spec:
  containers:
    - name: one
      image: x:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: proxy
          image: envoy:1
          restartPolicy: Always
      containers:
        - name: app
          image: app:1
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
            initialDelaySeconds: 5
`;

describe('podLens/lifecycle over stdio', () => {
  let client: LspClient;
  before(async () => { client = new LspClient(); await client.initialize(); });
  after(async () => { await client.shutdown(); });

  it('simulates the pod at the position and returns ranges into the file', async () => {
    const uri = 'file:///tmp/lifecycle.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, TEXT);
    await wait;
    const line = TEXT.split('\n').findIndex((l) => l.includes('initialDelaySeconds'));
    const t = await client.request<LifecycleTimeline | null>('podLens/lifecycle', { textDocument: { uri }, position: { line, character: 14 } });
    assert.ok(t);
    assert.equal(t.pod.name, 'web');
    assert.equal(t.pod.index, 1);
    assert.equal(t.pod.range.start.line, 13);
    assert.deepEqual(t.containers.map((c) => c.name), ['proxy', 'app']);
    const app = t.containers[1]!;
    assert.equal(app.range.start.line, TEXT.split('\n').findIndex((l) => l.includes('- name: app')));
    assert.equal(typeof t.readyAt, 'number');
    assert.ok(app.readyAt! >= app.startedAt! + 5);
    const probing = app.segments.find((s) => s.reason === 'ReadinessProbe')!;
    assert.equal(probing.range!.start.line, TEXT.split('\n').findIndex((l) => l.includes('readinessProbe:')));
    assert.equal(t.scenario.kind, 'happy');

    const del = await client.request<LifecycleTimeline | null>('podLens/lifecycle', { textDocument: { uri }, pod: 0, scenario: { kind: 'delete', at: 30 }, assumptions: { imagePullSeconds: 0 } });
    assert.equal(del!.pod.name, 'first');
    assert.equal(del!.terminatingAt, 30);
    assert.equal(del!.assumptions.imagePullSeconds, 0);

    assert.equal(await client.request('podLens/lifecycle', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
    assert.equal(await client.request('podLens/lifecycle', { textDocument: { uri: 'file:///nope.yaml' } }), null);
    assert.equal(await client.request('podLens/lifecycle', { textDocument: { uri }, pod: 'x', scenario: 5, assumptions: [1] }) !== undefined, true);
  });
});
