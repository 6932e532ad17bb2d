/**
 * Issue 15 over stdio: a Helm template and a patch a kustomization names are never judged alone. The files are
 * the real fixtures (test/fixtures/helm/web, test/fixtures/kustomize/overlays/prod); the same texts at a path
 * outside a chart or overlay are still judged as plain pods, so the difference comes from where they are.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATE = path.join(ROOT, 'test/fixtures/helm/web/templates/deployment.yaml');
const PATCH = path.join(ROOT, 'test/fixtures/kustomize/overlays/prod/memory-patch.yaml');

describe('pieces of charts and overlays over stdio', () => {
  let client: LspClient;
  let elsewhere: string;
  before(async () => {
    client = new LspClient();
    await client.initialize();
    elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-pieces-'));
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  async function diagnosticsAndLenses(file: string): Promise<{ codes: string[]; lenses: unknown[] }> {
    const uri = pathToFileURL(file).href;
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    const codes = (await wait).map((d) => String(d.code)).sort();
    const lenses = await client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
    return { codes, lenses };
  }

  it('a strategic-merge patch gets no container-image-required and no QoS lens; the same text elsewhere does', async () => {
    const copy = path.join(elsewhere, 'memory-patch.yaml');
    fs.copyFileSync(PATCH, copy);
    const alone = await diagnosticsAndLenses(copy);
    assert.ok(alone.codes.includes('container-image-required'), alone.codes.join(','));
    assert.ok(alone.lenses.length > 0);
    const piece = await diagnosticsAndLenses(PATCH);
    assert.deepEqual(piece.codes, []);
    assert.deepEqual(piece.lenses, []);
  });

  it('a template whose resources come from values gets no BestEffort lens; it keeps its template notice', async () => {
    const dir = path.join(elsewhere, 'not-a-chart', 'templates');
    fs.mkdirSync(dir, { recursive: true });
    const copy = path.join(dir, 'deployment.yaml');
    fs.copyFileSync(TEMPLATE, copy);
    const alone = await diagnosticsAndLenses(copy);
    assert.ok(alone.lenses.length > 0, 'without Chart.yaml it is judged as a plain file');
    const piece = await diagnosticsAndLenses(TEMPLATE);
    assert.deepEqual(piece.codes, ['helm-template']);
    assert.deepEqual(piece.lenses, []);
    // The `resources:` key above `{{- toYaml .Values.resources ... }}`: a resources hover for the plain copy, none for the piece.
    const at = { line: fs.readFileSync(TEMPLATE, 'utf8').split('\n').findIndex((l) => l.trim() === 'resources:'), character: 12 };
    const plain = await client.request<unknown>('textDocument/hover', { textDocument: { uri: pathToFileURL(copy).href }, position: at });
    assert.notEqual(plain, null);
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri: pathToFileURL(TEMPLATE).href }, position: at });
    assert.equal(hover, null);
  });
});
