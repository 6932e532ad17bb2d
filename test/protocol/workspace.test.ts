/**
 * Issue 16 over LSP: the server indexes the workspace folder, admits a pod with the LimitRanges of other files,
 * follows edits of an open LimitRange file and changes of files on disk (watched files), publishes cross-object
 * findings with their quick fixes, and reverts to the disk's text when an edited file closes unsaved.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import type { Diag } from '../support/lspClient';

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default:
        memory: 512Mi
      defaultRequest:
        memory: 256Mi
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  labels: { app: web }
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector:
    app: api
  ports:
    - port: 80
`;

const API = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers:
        - name: api
          image: registry.example.com/api:1.0.0
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
`;

interface PodSummary { qosClass: string; limits: Record<string, string>; admission?: { name: string; file: string }[] }

async function until<T>(what: string, read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > end) assert.fail(`${what}: still ${JSON.stringify(last).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describe('the workspace index over LSP', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-ws-lsp-')));
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  fs.mkdirSync(path.join(dir, 'ns'));
  fs.writeFileSync(path.join(dir, 'ns', 'limits.yaml'), LIMITS);
  fs.writeFileSync(path.join(dir, 'pod.yaml'), POD);
  fs.writeFileSync(path.join(dir, 'service.yaml'), SERVICE);
  let client: LspClient;
  const pod = async () => (await client.request<{ pods: PodSummary[] }>('podLens/analysis', { textDocument: { uri: uri('pod.yaml') } })).pods[0]!;
  const diagnostics = (rel: string): Diag[] => client.latest.get(uri(rel))?.diagnostics ?? [];

  before(async () => {
    client = new LspClient({ workspaceFolders: [pathToFileURL(dir).href], watchFiles: true });
    await client.initialize();
  });
  after(async () => { await client.shutdown(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('watches the workspace\'s YAML files', async () => {
    await until('a didChangeWatchedFiles registration', () => client.registrations, (r) => r.some((x) => x.method === 'workspace/didChangeWatchedFiles'));
  });

  it('a pod is admitted with the LimitRange of its namespace written in another file (never opened)', async () => {
    await client.open(uri('pod.yaml'), POD);
    const p = await until('the pod after admission', pod, (x) => x.qosClass === 'Burstable');
    assert.equal(p.limits['memory'], '512Mi');
    assert.deepEqual(p.admission?.map((a) => [a.name, a.file]), [['defaults', 'ns/limits.yaml']]);
    const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri: uri('pod.yaml') } });
    const titles = await Promise.all(lenses.map(async (l) => (await client.request<{ command?: { title: string } }>('codeLens/resolve', l)).command?.title ?? ''));
    assert.ok(titles.some((t) => /QoS Burstable .*with LimitRange defaults/.test(t)), JSON.stringify(titles));
  });

  it('editing the open LimitRange file changes the diagnostics and QoS of the pod in the other file', async () => {
    await client.open(uri('ns/limits.yaml'), LIMITS);
    // A max below the default limit: the admitted pod breaks it (limit-range-violation on pod.yaml).
    await client.edit(uri('ns/limits.yaml'), { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, '    - type: Container\n      max:\n        memory: 256Mi\n');
    const d = await until('limit-range-violation on pod.yaml', () => diagnostics('pod.yaml'), (x) => x.some((y) => y.code === 'limit-range-violation'));
    assert.match(d.find((y) => y.code === 'limit-range-violation')!.message, /ns\/limits\.yaml:10/);
    // The default limit goes up: the pod's limit follows, without touching pod.yaml.
    const text = LIMITS.replace('memory: 512Mi', 'memory: 1Gi');
    await client.edit(uri('ns/limits.yaml'), { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, text);
    const p = await until('the pod with the edited default', pod, (x) => x.limits['memory'] === '1Gi');
    assert.equal(p.qosClass, 'Burstable');
    await until('no violation any more', () => diagnostics('pod.yaml'), (x) => !x.some((y) => y.code === 'limit-range-violation'));
  });

  it('closing the edited LimitRange file unsaved: the pod is admitted with what is on disk again', async () => {
    await client.close(uri('ns/limits.yaml'));
    await until('the pod with the disk\'s default', pod, (x) => x.limits['memory'] === '512Mi');
  });

  it('a cross-object finding reaches the client, and a file written on disk (watched) clears it', async () => {
    await client.open(uri('service.yaml'), SERVICE);
    const d = await until('service-selector-no-pods', () => diagnostics('service.yaml'), (x) => x.some((y) => y.code === 'service-selector-no-pods'));
    assert.equal(d.find((y) => y.code === 'service-selector-no-pods')!.range.start.line, 6, 'on spec.selector');
    fs.writeFileSync(path.join(dir, 'api.yaml'), API);
    await client.watched([{ uri: uri('api.yaml'), type: 1 }]);
    await until('the Service selects the new Deployment', () => diagnostics('service.yaml'), (x) => !x.some((y) => y.code === 'service-selector-no-pods'));
    fs.rmSync(path.join(dir, 'api.yaml'));
    await client.watched([{ uri: uri('api.yaml'), type: 3 }]);
    await until('the finding is back after the delete', () => diagnostics('service.yaml'), (x) => x.some((y) => y.code === 'service-selector-no-pods'));
  });

  it('the quick fix of a cross-object finding: the one label value that differs, none when two templates do', async () => {
    type Action = { title: string; edit?: { changes: Record<string, { newText: string }[]> } };
    const fixesOf = async (finding: Diag) => client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: uri('service.yaml') }, range: finding.range, context: { diagnostics: [finding] },
    });
    const finding = () => diagnostics('service.yaml').find((y) => y.code === 'service-selector-no-pods');
    // Only the Pod web (app: web) is one label value off the selector app: api.
    const fix = (await fixesOf(finding()!)).find((a) => a.title.startsWith('Set the selector'));
    assert.ok(fix, 'a fix is offered');
    assert.match(fix!.title, /Pod\/web/);
    assert.equal(fix!.edit!.changes[uri('service.yaml')]![0]!.newText, 'web');
    // A second template one value off (app: apx), written on disk: which one is meant is no longer clear.
    fs.writeFileSync(path.join(dir, 'apx.yaml'), API.replace(/app: api/g, 'app: apx'));
    await client.watched([{ uri: uri('apx.yaml'), type: 1 }]);
    await until('the finding without fix data', () => finding(), (f) => f !== undefined && f.data === undefined);
    assert.deepEqual((await fixesOf(finding()!)).filter((a) => a.title.startsWith('Set the selector')), []);
  });

  it('the hover on a ResourceQuota shows what the namespace\'s workloads use of it', async () => {
    const quota = 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: compute\n  namespace: shop\nspec:\n  hard:\n    pods: "10"\n    limits.memory: 1Gi\n';
    fs.writeFileSync(path.join(dir, 'quota.yaml'), quota);
    await client.open(uri('quota.yaml'), quota);
    const hover = await until('a quota hover', () => client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri('quota.yaml') }, position: { line: 6, character: 3 } }), (h) => h !== null);
    const md = hover!.contents.value;
    assert.match(md, /ResourceQuota `compute` in namespace `shop`/);
    // Pod web (one pod, 512Mi limit from the LimitRange default) and the Deployment of apx.yaml (1 replica, 64Mi limit).
    assert.match(md, /\|\s*pods\s*\|\s*2\s*\|\s*10\s*\|\s*8\s*\|\s*Pod\/web 1×1, Deployment\/api 1×1\s*\|/);
    assert.match(md, /\|\s*limits\.memory\s*\|\s*576Mi\s*\|\s*1Gi\s*\|\s*448Mi\s*\|/);
  });

  it('an edit that changes nothing for another open file does not re-publish it', async () => {
    await new Promise((r) => setTimeout(r, 600));
    const before = client.published.length;
    for (let i = 0; i < 3; i++) {
      await client.edit(uri('service.yaml'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# note\n');
      await new Promise((r) => setTimeout(r, 400));
    }
    const after = client.published.slice(before).map((p) => p.uri);
    assert.ok(after.includes(uri('service.yaml')), 'the edited file is published');
    assert.deepEqual(after.filter((u) => u !== uri('service.yaml')), [], 'no other open file is re-published');
  });

  it('the server keeps serving: stderr has no fault', () => {
    assert.ok(!client.stderr.join('').includes('fault'), client.stderr.join('').slice(-1000));
  });
});
