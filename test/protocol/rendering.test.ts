/**
 * Issue 15 in the editor, over stdio with the real helm and kustomize (scripts/build-tools.sh): an open
 * template or values file gets the findings of the rendered chart on the line to edit, a QoS lens above the
 * template's `kind:`, hovers showing the rendered result, the lifecycle preview of the rendered pod; edits
 * re-render from the buffer (not the disk); a failure is one diagnostic where helm says; a missing tool is
 * one message, said once. The chart is a copy of test/fixtures/helm/web in a temporary directory.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import type { Diag } from '../support/lspClient';
import { ROOT, tools } from '../unit/rendered/tools';

const FIXTURE = path.join(ROOT, 'test/fixtures/helm/web');
const OVERLAY = path.join(ROOT, 'test/fixtures/kustomize/overlays/prod');

function copyChart(into: string): string {
  const dir = path.join(into, 'web');
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const lineOf = (text: string, needle: string, after?: string): number => {
  const lines = text.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
};

/** Waits until the latest diagnostics of `uri` satisfy `ok`. */
async function until(client: LspClient, uri: string, ok: (d: Diag[]) => boolean, what: string, timeoutMs = 20_000): Promise<Diag[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const d = client.latest.get(uri)?.diagnostics;
    if (d && ok(d)) return d;
    if (Date.now() > end) throw new Error(`${what}: ${JSON.stringify(d)}; stderr: ${client.stderr.join('').slice(-1500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const codesAt = (d: Diag[]) => d.map((x) => `${x.range.start.line}:${String(x.code)}`).sort();

describe('rendered charts and overlays in the editor (stdio, real helm and kustomize)', () => {
  let tmp: string;
  let client: LspClient;
  const messages: { type: number; message: string }[] = [];
  before(async () => {
    const t = tools();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-rendering-'));
    client = new LspClient({ settings: { helm: { path: t.helm, release: 'demo' }, kustomize: { path: t.kustomize } } });
    client.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => { messages.push(p); return null; });
    await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
    assert.deepEqual(messages, [], 'no message while the tools are there');
  });

  it('a values file gets the rendered findings on its lines; the template gets a lens above kind:, hovers and the preview', async () => {
    const chart = copyChart(path.join(tmp, 'a'));
    const template = path.join(chart, 'templates/deployment.yaml');
    const values = path.join(chart, 'values.yaml');
    const tText = fs.readFileSync(template, 'utf8');
    const vText = fs.readFileSync(values, 'utf8');
    const tUri = pathToFileURL(template).href;
    const vUri = pathToFileURL(values).href;
    await client.open(tUri, tText);
    await client.open(vUri, vText);
    const expected = [
      `${lineOf(vText, 'tag: latest')}:image-latest-tag`,
      `${lineOf(vText, 'limits:', 'resources:')}:missing-memory-limit`,
      `${lineOf(vText, 'livenessProbe:')}:identical-liveness-readiness`,
    ].sort();
    const vd = await until(client, vUri, (d) => d.length >= 3, 'values findings');
    assert.deepEqual(codesAt(vd), expected);
    // The message names the rendered object and the template it came from.
    assert.match(vd.find((d) => d.code === 'missing-memory-limit')!.message, /Deployment demo-web from templates\/deployment\.yaml/);
    // The template itself: nothing (its findings are the values lines'), not even the notice that template
    // expressions were ignored, since the render did not ignore them.
    const td = await until(client, tUri, (d) => d.length === 0, 'template diagnostics');
    assert.deepEqual(td, []);

    const lenses = await client.request<{ range: Diag['range']; data: unknown }[]>('textDocument/codeLens', { textDocument: { uri: tUri } });
    assert.equal(lenses.length, 2);
    assert.equal(lenses[0]!.range.start.line, lineOf(tText, 'kind: Deployment'));
    const resolved = await client.request<{ command: { title: string; command: string; arguments: unknown[] } }>('codeLens/resolve', lenses[0]);
    assert.equal(resolved.command.title, 'QoS Burstable · requests cpu 100m, memory 128Mi · limits cpu 500m, memory –');

    // Hover on `resources:` above `{{- toYaml .Values.resources | nindent 12 }}`: the rendered block and the pod's numbers.
    const resourcesLine = lineOf(tText, 'resources:', 'readinessProbe:');
    const hover = await client.request<{ contents: { value: string }; range: Diag['range'] } | null>('textDocument/hover', { textDocument: { uri: tUri }, position: { line: resourcesLine, character: 12 } });
    assert.ok(hover, 'a hover on the template line');
    assert.match(hover.contents.value, /Deployment demo-web/);
    assert.match(hover.contents.value, /```yaml\nresources:\n  limits:\n    cpu: 500m\n  requests:\n    cpu: 100m\n    memory: 128Mi\n```/);
    assert.equal(hover.range.start.line, resourcesLine);
    // A values line says which template and object use it.
    const vHover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: vUri }, position: { line: lineOf(vText, 'memory: 128Mi'), character: 5 } });
    assert.ok(vHover);
    assert.match(vHover.contents.value, /Deployment demo-web \(templates\/deployment\.yaml\)/);
    assert.match(vHover.contents.value, /memory: 128Mi/);

    // The preview of the rendered pod, its container lane pointing back into the template.
    const timeline = await client.request<{ uri: string; pod: { name: string | null; index: number }; containers: { name: string; range: Diag['range'] }[] } | null>('podLens/lifecycle', { textDocument: { uri: tUri }, position: { line: 5, character: 0 } });
    assert.ok(timeline, 'a timeline for the template');
    assert.equal(timeline.uri, tUri);
    assert.equal(timeline.pod.name, 'demo-web');
    assert.deepEqual(timeline.containers.map((c) => c.name), ['web']);
    assert.equal(timeline.containers[0]!.range.start.line, lineOf(tText, '- name: {{ .Chart.Name }}'));
    const analysis = await client.request<{ pods: { qosClass: string; renderedFrom: unknown }[] }>('podLens/analysis', { textDocument: { uri: tUri } });
    assert.deepEqual(analysis.pods.map((p) => p.qosClass), ['Burstable']);
  });

  it('an edit re-renders from the buffer, not the disk: adding the memory limit in values.yaml clears the finding', async () => {
    const chart = copyChart(path.join(tmp, 'b'));
    const values = path.join(chart, 'values.yaml');
    const vText = fs.readFileSync(values, 'utf8');
    const vUri = pathToFileURL(values).href;
    await client.open(vUri, vText);
    await until(client, vUri, (d) => d.some((x) => x.code === 'missing-memory-limit'), 'missing limit before the edit');
    const at = lineOf(vText, 'cpu: 500m');
    await client.edit(vUri, { start: { line: at + 1, character: 0 }, end: { line: at + 1, character: 0 } }, '    memory: 256Mi\n');
    await until(client, vUri, (d) => d.length > 0 && !d.some((x) => x.code === 'missing-memory-limit'), 'no missing limit after the edit');
    assert.equal(fs.readFileSync(values, 'utf8'), vText, 'the disk is untouched');
  });

  it('a template helm cannot parse: one render-failed diagnostic on the line helm names', async () => {
    const chart = copyChart(path.join(tmp, 'c'));
    const template = path.join(chart, 'templates/service.yaml');
    const text = fs.readFileSync(template, 'utf8');
    const uri = pathToFileURL(template).href;
    await client.open(uri, text);
    const bad = 3;
    // helm reports `template: web/templates/service.yaml:4:23: executing ... nil pointer evaluating ...`.
    await client.edit(uri, { start: { line: bad, character: 0 }, end: { line: bad, character: 0 } }, '  broken: {{ .Values.nope.deeper }}\n');
    const d = await until(client, uri, (x) => x.some((y) => y.code === 'render-failed'), 'render-failed');
    const failed = d.filter((x) => x.code === 'render-failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.range.start.line, bad);
    assert.match(failed[0]!.message, /^helm could not render this: .*nil pointer/);
  });

  it('an overlay patch gets the rendered findings that land on it', async () => {
    const patch = path.join(OVERLAY, 'memory-patch.yaml');
    const uri = pathToFileURL(patch).href;
    const text = fs.readFileSync(patch, 'utf8');
    await client.open(uri, text);
    // The overlay sets the request to 1Gi over the base's 512Mi limit: the patch's line is the one to edit.
    const d = await until(client, uri, (x) => x.length > 0, 'patch findings');
    assert.deepEqual(codesAt(d), [`${lineOf(text, 'memory: 1Gi')}:request-exceeds-limit`]);
    assert.match(d[0]!.message, /Deployment prod-api/);
    // The base's deployment.yaml is a source of the render too: not open, it still gets its (empty) set.
    await client.close(uri);
  });

  it('a missing helm: one warning naming podLens.helm.path, said once, and no crash', async () => {
    const other = new LspClient({ settings: { helm: { path: path.join(tmp, 'no-such-helm') } } });
    const said: string[] = [];
    other.conn.onRequest('window/showMessageRequest', (p: { message: string }) => { said.push(p.message); return null; });
    await other.initialize();
    try {
      for (const sub of ['d', 'e']) {
        const chart = copyChart(path.join(tmp, sub));
        const uri = pathToFileURL(path.join(chart, 'templates/deployment.yaml')).href;
        await other.open(uri, fs.readFileSync(path.join(chart, 'templates/deployment.yaml'), 'utf8'));
        await other.waitForDiagnostics(uri, 1);
      }
      const end = Date.now() + 10_000;
      while (said.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(said.length, 1, said.join('\n'));
      assert.match(said[0]!, /helm was not found .*podLens\.helm\.path/);
      // The server still answers.
      const plain = pathToFileURL(path.join(tmp, 'plain.yaml')).href;
      const wait = other.waitForDiagnostics(plain, 1);
      await other.open(plain, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: nginx:latest\n');
      assert.ok((await wait).some((d) => d.code === 'image-latest-tag'));
    } finally {
      await other.shutdown();
    }
  });
});
