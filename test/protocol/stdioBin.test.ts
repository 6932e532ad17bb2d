/**
 * The language server as any LSP editor runs it (Neovim, Helix, Emacs; docs/editors.md): the
 * `pod-lens-language-server` bin, a plain stdio JSON-RPC server with no VS Code around it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient } from '../support/lspClient';

const BIN = path.resolve(__dirname, '../../../bin/pod-lens-language-server.js');

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: nginx:1.27.3
      resources:
        requests: { cpu: 500m, memory: 512Mi }
        limits: { cpu: "1", memory: 256Mi }
`;

describe('bin/pod-lens-language-server.js over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient({ serverPath: BIN, configuration: false, locale: 'zh-cn' });
    const init = (await client.initialize()) as { capabilities: { textDocumentSync?: unknown; hoverProvider?: unknown; codeActionProvider?: unknown }; serverInfo?: { name: string } };
    assert.ok(init.capabilities.textDocumentSync, 'textDocumentSync');
    assert.ok(init.capabilities.hoverProvider, 'hoverProvider');
    assert.ok(init.capabilities.codeActionProvider, 'codeActionProvider');
  });
  after(async () => { await client.shutdown(); });

  it('publishes diagnostics, localized from params.locale, without workspace/configuration', async () => {
    const uri = 'file:///tmp/editors/pod.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD);
    const diags = await wait;
    const d = diags.find((x) => x.code === 'request-exceeds-limit');
    assert.ok(d, JSON.stringify(diags));
    assert.deepEqual(d.range, { start: { line: 8, character: 39 }, end: { line: 8, character: 44 } });
    assert.equal(d.source, 'pod-lens');
    assert.match(d.message, /请求是调度器预留的量/);
  });

  it('answers hover and code actions like any LSP server', async () => {
    const uri = 'file:///tmp/editors/pod.yaml';
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 10 } });
    assert.ok(hover && hover.contents.kind === 'markdown' && hover.contents.value.length > 0, JSON.stringify(hover));
    const diag = client.latest.get(uri)!.diagnostics.find((x) => x.code === 'request-exceeds-limit')!;
    const actions = await client.request<{ title: string; edit?: unknown }[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.ok(actions.some((a) => a.edit !== undefined), JSON.stringify(actions.map((a) => a.title)));
  });
});
