import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: side
      image: x:1
      restartPolicy: Always
      resources: { requests: { cpu: 100m, memory: 64Mi } }
  containers:
    - name: app
      image: x:1
      resources:
        requests: { cpu: 500m, memory: 256Mi }
        limits: { cpu: "1", memory: 256Mi }
`;

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const init = (await client.initialize()) as { capabilities: { codeLensProvider?: unknown } };
    assert.ok(init.capabilities.codeLensProvider);
  });
  after(async () => { await client.shutdown(); });

  it('publishes diagnostics for invalid quantities with code, source and range', async () => {
    const uri = 'file:///tmp/bad.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD.replace('cpu: 500m', 'cpu: 5 hundred'));
    const diags = await wait;
    const d = diags.find((x) => x.code === 'invalid-quantity');
    assert.ok(d, JSON.stringify(diags));
    assert.equal(d.source, 'pod-lens');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 14, character: 25 }, end: { line: 14, character: 34 } });
    assert.match(d.codeDescription!.href, /invalid-quantity\.md$/);
  });

  it('updates diagnostics after an edit (debounced)', async () => {
    const uri = 'file:///tmp/edit.yaml';
    const first = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD);
    assert.equal((await first).filter((d) => d.code === 'invalid-quantity').length, 0);
    const next = client.waitForDiagnostics(uri, 2);
    const v = await client.edit(uri, { start: { line: 14, character: 25 }, end: { line: 14, character: 29 } }, 'lots');
    assert.equal(v, 2);
    assert.ok((await next).some((d) => d.code === 'invalid-quantity'));
  });

  it('answers podLens/analysis with effective resources and QoS', async () => {
    const uri = 'file:///tmp/analysis.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD);
    await wait;
    const r = await client.request<{ pods: { kind: string; name: string; qosClass: string; requests: Record<string, string>; limits: Record<string, string> }[] }>('podLens/analysis', { textDocument: { uri } });
    assert.equal(r.pods.length, 1);
    assert.equal(r.pods[0]!.qosClass, 'Burstable');
    assert.deepEqual(r.pods[0]!.requests, { cpu: '600m', memory: '320Mi' });
    assert.deepEqual(r.pods[0]!.limits, { cpu: '1', memory: '256Mi' });
  });

  it('answers podLens/analysis for the pod at a position or with an index', async () => {
    const uri = 'file:///tmp/scoped.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD + '---\n' + POD.replace('name: web', 'name: web2'));
    await wait;
    type R = { pods: { name: string; index: number }[] };
    const at = await client.request<R>('podLens/analysis', { textDocument: { uri }, position: { line: 20, character: 4 } });
    assert.deepEqual(at.pods.map((p) => p.name), ['web2']);
    const byIndex = await client.request<R>('podLens/analysis', { textDocument: { uri }, pod: 0 });
    assert.deepEqual(byIndex.pods.map((p) => p.name), ['web']);
    const all = await client.request<R>('podLens/analysis', { textDocument: { uri } });
    assert.equal(all.pods.length, 2);
  });

  it('returns a code lens above each pod spec', async () => {
    const uri = 'file:///tmp/lens.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD + '---\n' + POD.replace('name: web', 'name: web2'));
    await wait;
    type Lens = { range: { start: { line: number } }; data?: unknown; command?: { title: string; command: string; arguments: unknown[] } };
    const unresolved = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(unresolved.length, 4);
    assert.ok(unresolved.every((l) => l.command === undefined && l.data !== undefined), 'titles come with codeLens/resolve');
    const lenses = await Promise.all(unresolved.map((l) => client.request<Lens>('codeLens/resolve', l)));
    const qos = lenses.filter((l) => l.command?.command === 'podLens.showEffectiveResources');
    assert.equal(qos.length, 2);
    assert.equal(qos[0]!.range.start.line, 1);
    assert.equal(qos[1]!.range.start.line, 18);
    assert.equal(qos[0]!.command!.title, 'QoS Burstable · requests cpu 600m, memory 320Mi · limits cpu 1, memory 256Mi');
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = 'file:///tmp/close.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD.replace('cpu: 500m', 'cpu: x'));
    assert.ok((await wait).length > 0);
    const cleared = client.waitForDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await cleared, []);
  });
});
