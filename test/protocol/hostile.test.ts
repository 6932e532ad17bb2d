/**
 * One server process survives every hostile input of issue 8 in a row (test/unit/robustness/samples.ts):
 * each is opened, answered (diagnostics, code lenses, analysis, hover/code actions when offered),
 * edited and closed; afterwards the same process still answers correctly and holds no document.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { STATS_METHOD } from '../../server/src/lsp/stats';
import type { ServerStats } from '../../server/src/lsp/stats';
import { LspClient } from '../support/lspClient';
import type { Diag } from '../support/lspClient';
import { lineLengths } from '../unit/robustness/exercise';
import { POD, SAMPLES } from '../unit/robustness/samples';

function inside(r: Diag['range'], lines: readonly number[]): boolean {
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!;
  return ok(r.start) && ok(r.end);
}

describe('one server survives all hostile inputs in a row', () => {
  let client: LspClient;
  let caps: { hoverProvider?: unknown; codeActionProvider?: unknown } = {};
  before(async () => {
    client = new LspClient();
    caps = ((await client.initialize()) as { capabilities: typeof caps }).capabilities;
  });
  after(async () => { await client.shutdown(); });

  it('opens, queries, edits and closes every sample, then still answers', async (t) => {
    let i = 0;
    for (const sample of SAMPLES) {
      const uri = `file:///hostile/${i++}.yaml`;
      const text = sample.text();
      const lines = lineLengths(text);
      const opened = client.waitForDiagnostics(uri, 1, 300_000);
      await client.open(uri, text);
      const diags = await opened;
      for (const d of diags) assert.ok(inside(d.range, lines), `${sample.name}: ${d.code} ${JSON.stringify(d.range)}`);
      const lenses = await client.request<{ range: Diag['range'] }[]>('textDocument/codeLens', { textDocument: { uri } });
      for (const l of lenses) assert.ok(inside(l.range, lines), `${sample.name}: lens ${JSON.stringify(l.range)}`);
      const analysis = await client.request<{ pods: unknown[] } | null>('podLens/analysis', { textDocument: { uri } });
      assert.ok(analysis && Array.isArray(analysis.pods), sample.name);
      const probes = [{ line: 0, character: 0 }, { line: Math.floor(lines.length / 2), character: 3 }, { line: lines.length - 1, character: lines[lines.length - 1]! }, { line: 1e6, character: 1e6 }];
      if (caps.hoverProvider) for (const position of probes) await client.request('textDocument/hover', { textDocument: { uri }, position });
      if (caps.codeActionProvider) {
        const range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } };
        await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags.slice(0, 100) } });
      }
      if (!sample.large) {
        // A half-typed edit in the middle, then the original back.
        const mid = { line: Math.floor(lines.length / 2), character: 0 };
        const edited = client.waitForDiagnostics(uri, 2, 300_000);
        await client.edit(uri, { start: mid, end: mid }, '  - {{ broken: [\t\n');
        await edited;
      }
      const cleared = client.waitForDiagnostics(uri, undefined, 300_000);
      await client.close(uri);
      assert.deepEqual(await cleared, []);
      assert.equal(client.proc.exitCode, null, `the server exited after ${sample.name}`);
      t.diagnostic(`${sample.name}: ${diags.length} diagnostics, ${lenses.length} lenses`);
    }
    // Malformed requests are errors, not crashes.
    const malformed: [string, unknown][] = [
      ['podLens/analysis', null], ['textDocument/codeLens', { textDocument: {} }], ['podLens/analysis', { textDocument: { uri: 42 } }],
      ['podLens/analysis', { textDocument: { uri: 'file:///none.yaml' }, position: { line: 'x' }, pod: -1 }],
      ['codeLens/resolve', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { uri: 'file:///none.yaml', i: 1e9 } }],
      ['codeLens/resolve', { data: 'garbage' }], ['podLens/lifecycle', { textDocument: { uri: 7 }, scenario: { kind: 'exit', container: {} } }],
    ];
    for (const [method, params] of malformed) {
      try { await client.request(method, params); } catch (e) { assert.ok(e instanceof ResponseError, `${method}: ${String(e)}`); }
    }
    const stats = await client.request<ServerStats>(STATS_METHOD, {});
    assert.equal(stats.cachedDocuments, 0);
    const uri = 'file:///hostile/after.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, POD);
    await wait;
    const r = await client.request<{ pods: { qosClass: string; requests: Record<string, string> }[] }>('podLens/analysis', { textDocument: { uri } });
    assert.deepEqual(r.pods.map((p) => [p.qosClass, p.requests]), [['Burstable', { cpu: '600m', memory: '160Mi' }]]);
    assert.equal(client.proc.exitCode, null);
  });
});
