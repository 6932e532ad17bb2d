/**
 * Hovers over the real server (dist/server.js over stdio): a two-document file (a Deployment with
 * an init container, a sidecar and probes; a Job), hovered at real positions; English and zh-cn.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lspClient';

const FILE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 4
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      terminationGracePeriodSeconds: 40
      initContainers:
        - name: migrate
          image: shop:2
        - name: proxy
          image: envoy:1.30
          restartPolicy: Always
          startupProbe:
            tcpSocket: { port: 15000 }
            periodSeconds: 3
      containers:
        - name: web
          image: shop:2
          livenessProbe:
            httpGet: { path: /live, port: 8080 }
            periodSeconds: 20
            timeoutSeconds: 5
          resources:
            requests: { cpu: 200m, memory: 128Mi }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  completions: 3
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: run
          image: report:1
`;

type Pos = { line: number; character: number };
type HoverReply = { contents: { kind: string; value: string }; range: { start: Pos; end: Pos } } | null;

/** The position of the n-th `needle` (plus `shift`), in LSP terms. */
function pos(needle: string, nth = 0, shift = 0): Pos {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = FILE.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} #${nth}`);
  }
  at += shift;
  const before = FILE.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function span(needle: string, nth = 0, shift = 0, length = needle.length - shift): { start: Pos; end: Pos } {
  const start = pos(needle, nth, shift);
  return { start, end: { line: start.line, character: start.character + length } };
}

async function hoverAt(client: LspClient, uri: string, p: Pos): Promise<NonNullable<HoverReply>> {
  const h = await client.request<HoverReply>('textDocument/hover', { textDocument: { uri }, position: p });
  assert.ok(h, `no hover at ${JSON.stringify(p)}`);
  assert.equal(h.contents.kind, 'markdown');
  return h;
}

describe('hover over stdio', () => {
  let client: LspClient;
  const uri = 'file:///tmp/hover-shop.yaml';
  before(async () => {
    client = new LspClient();
    const init = (await client.initialize()) as { capabilities: { hoverProvider?: unknown } };
    assert.ok(init.capabilities.hoverProvider);
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, FILE);
    await wait;
  });
  after(async () => { await client.shutdown(); });

  it('the sidecar\'s restartPolicy value: the sidecar explanation, range = the value', async () => {
    const h = await hoverAt(client, uri, pos('Always', 0, 2));
    assert.deepEqual(h.range, span('Always'));
    assert.match(h.contents.value, /^### Sidecar `proxy` \(init container 2 of 2, restartPolicy: Always\)/);
    assert.match(h.contents.value, /Starts after `migrate` exits with code 0\./);
    // startupProbe period 3: the app containers wait 0 s – 3 s after proxy starts.
    assert.match(h.contents.value, /The next step \(the app containers\) starts once this sidecar's startupProbe has succeeded \(0 s – 3 s after it starts\)/);
  });

  it('the livenessProbe key: numbers from this probe, range = the key', async () => {
    const h = await hoverAt(client, uri, pos('livenessProbe', 0, 3));
    assert.deepEqual(h.range, span('livenessProbe'));
    assert.match(h.contents.value, /^### livenessProbe of `web`/);
    // failureThreshold 3 × 20 + 5 = 65; earliest 2 × 20 + 5 = 45; + grace 40 = 105.
    assert.match(h.contents.value, /Hang → kill .*\| +45 s – 65 s \|/);
    assert.match(h.contents.value, /Hang → SIGKILL at the latest +\| +105 s \|/);
  });

  it('terminationGracePeriodSeconds: the table in stop order', async () => {
    const h = await hoverAt(client, uri, pos('terminationGracePeriodSeconds'));
    assert.deepEqual(h.range, span('terminationGracePeriodSeconds'));
    assert.match(h.contents.value, /^### terminationGracePeriodSeconds: 40 s/);
    assert.match(h.contents.value, /\| `web` +\| app +\| +— \| +0 s \| +40 s \|/);
    assert.match(h.contents.value, /\| `proxy` +\| sidecar \| +— \| +40 s \| +42 s \|/);
    assert.match(h.contents.value, /Worst case: the last container is gone 42 s after termination starts\./);
  });

  it('resources: the pod totals', async () => {
    const h = await hoverAt(client, uri, pos('resources'));
    assert.deepEqual(h.range, span('resources'));
    assert.match(h.contents.value, /^### resources of `web` \(app container/);
    assert.match(h.contents.value, /cpu request: max\(init peak 0, steady 200m\) = \*\*200m\*\*/);
    assert.match(h.contents.value, /\*\*QoS class:\*\* Burstable/);
  });

  it('the kind value of the second document: the Job', async () => {
    const h = await hoverAt(client, uri, pos('kind: Job', 0, 7));
    assert.deepEqual(h.range, span('kind: Job', 0, 6));
    assert.match(h.contents.value, /^### Job `report`/);
    assert.match(h.contents.value, /Complete when 3 pod\(s\) have succeeded/);
    assert.match(h.contents.value, /restartPolicy Never: a failed pod is replaced by a new pod\./);
    // The first document's kind is the Deployment.
    const d = await hoverAt(client, uri, pos('Deployment'));
    assert.match(d.contents.value, /^### Deployment `shop`[\s\S]*Keeps 4 replica\(s\)/);
  });

  it('no hover on a field without semantics', async () => {
    assert.equal(await client.request<HoverReply>('textDocument/hover', { textDocument: { uri }, position: pos('envoy:1.30', 0, 2) }), null);
  });
});

describe('hover over stdio in Simplified Chinese', () => {
  let client: LspClient;
  const uri = 'file:///tmp/hover-shop-zh.yaml';
  before(async () => {
    client = new LspClient({ locale: 'zh-cn' });
    await client.initialize();
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, FILE);
    await wait;
  });
  after(async () => { await client.shutdown(); });

  it('the sidecar and the Job hovers are in Chinese with the same numbers and ranges', async () => {
    const side = await hoverAt(client, uri, pos('Always', 0, 2));
    assert.deepEqual(side.range, span('Always'));
    assert.match(side.contents.value, /^### 边车容器 `proxy`（第 2 个 Init 容器，共 2 个，restartPolicy: Always）/);
    const job = await hoverAt(client, uri, pos('kind: Job', 0, 7));
    assert.match(job.contents.value, /当 3 个 Pod 成功（每个应用容器都以 0 退出）时完成/);
    const live = await hoverAt(client, uri, pos('livenessProbe', 0, 3));
    assert.match(live.contents.value, /卡死 → 最迟 SIGKILL +\| +105 秒 \|/);
  });
});
