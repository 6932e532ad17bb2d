/**
 * Soak test: the real server (dist/server.js) over stdio, driven by a seeded PRNG through thousands
 * of random edits, opens and closes across many documents, with requests interleaved and some
 * cancelled. Checks: every request is answered (a result or RequestCancelled), the process stays
 * alive, no document stays cached after close, and the heap after a second identical round is not
 * much bigger than after the first (the hidden `podLens/_stats` request runs a GC first).
 * SOAK_SEED / SOAK_EDITS override the defaults.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { LineIndex } from '../../server/src/model/lineIndex';
import { STATS_METHOD } from '../../server/src/lsp/stats';
import type { ServerStats } from '../../server/src/lsp/stats';
import { LspClient } from '../support/lspClient';
import { SNIPPETS } from '../unit/robustness/arbitraries';
import * as S from '../unit/robustness/samples';

const SEED = Number(process.env['SOAK_SEED'] ?? 8);
const EDITS = Number(process.env['SOAK_EDITS'] ?? 2500);
const DOCS = 24;
const REQUEST_CANCELLED = -32800;

/** mulberry32: small, seeded, good enough to pick edits. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES = [S.POD, S.CRLF, S.MIXED_EOL, S.TABS, S.YAML11, S.DUPLICATE_KEYS, S.MERGE_KEYS, S.CUSTOM_TAGS, S.JSON_MANIFEST, S.HELM,
  S.KUSTOMIZE, S.LIST, S.WRONG_TYPES.split('\n').filter((l) => !/1e300000000|9{100}/.test(l)).join('\n'), S.TRUNCATED, S.CYCLIC_ALIASES,
  S.billionLaughs(6, 9), S.NUL_BYTES, S.BOM, S.POD + '---\n' + S.POD.replace('name: web', 'name: web2'), ''];

interface Outcome { method: string; cancelled: boolean; result?: unknown; error?: unknown }

describe('soak: random edits, opens, closes and requests against one server', () => {
  let client: LspClient;
  let caps: { hoverProvider?: unknown; codeActionProvider?: unknown } = {};
  let lifecycle = true;
  before(async () => {
    const prev = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `${prev ?? ''} --expose-gc`.trim();
    client = new LspClient();
    if (prev === undefined) delete process.env['NODE_OPTIONS']; else process.env['NODE_OPTIONS'] = prev;
    caps = ((await client.initialize()) as { capabilities: typeof caps }).capabilities;
    // The lifecycle request exists once the simulator lands; probe for it instead of assuming.
    try { await client.request('podLens/lifecycle', { textDocument: { uri: 'file:///none.yaml' }, pod: 0 }); } catch (e) {
      if (e instanceof ResponseError && e.code === -32601) lifecycle = false;
    }
  });
  after(async () => { await client.shutdown(); });

  async function round(seed: number): Promise<{ outcomes: Outcome[]; stats: ServerStats }> {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const texts = new Map<string, string>();
    const open = async (uri: string) => { const t = pick(BASES); texts.set(uri, t); await client.open(uri, t); };
    const uris = Array.from({ length: DOCS }, (_, i) => `file:///soak/${seed}/doc-${i}.yaml`);
    for (const u of uris) await open(u);
    const pending: Promise<Outcome>[] = [];
    const send = (method: string, params: unknown) => {
      const cancel = rnd() < 0.25;
      const cts = new CancellationTokenSource();
      const p = client.conn.sendRequest(method, params, cts.token).then(
        (result) => ({ method, cancelled: cancel, result }),
        (error: unknown) => ({ method, cancelled: cancel, error }),
      );
      if (cancel) { if (rnd() < 0.5) cts.cancel(); else setTimeout(() => cts.cancel(), Math.floor(rnd() * 5)); }
      pending.push(p);
    };
    /** An offset not between \r and \n (LSP positions cannot address it). */
    const offsetIn = (t: string) => { let o = Math.floor(rnd() * (t.length + 1)); if (t[o - 1] === '\r' && t[o] === '\n') o--; return o; };
    for (let step = 0; step < EDITS; step++) {
      const uri = pick(uris);
      const text = texts.get(uri);
      const r = rnd();
      if (text === undefined) { await open(uri); continue; }
      if (r < 0.6) {
        const a = offsetIn(text);
        const b = Math.min(text.length, a + Math.floor(rnd() * 12));
        const end = text[b - 1] === '\r' && text[b] === '\n' ? b - 1 : b;
        const insert = rnd() < 0.3 ? '' : pick(SNIPPETS);
        const li = new LineIndex(text);
        await client.edit(uri, li.range(a, Math.max(a, end)), insert);
        texts.set(uri, text.slice(0, a) + insert + text.slice(Math.max(a, end)));
      } else if (r < 0.93) {
        const li = new LineIndex(text);
        const position = li.position(offsetIn(text));
        const which = rnd();
        if (which < 0.3) send('textDocument/codeLens', { textDocument: { uri } });
        else if (which < 0.55) send('podLens/analysis', { textDocument: { uri } });
        else if (which < 0.75 && caps.hoverProvider) send('textDocument/hover', { textDocument: { uri }, position });
        else if (which < 0.9 && caps.codeActionProvider) {
          const diagnostics = client.latest.get(uri)?.diagnostics ?? [];
          send('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
        } else if (lifecycle) send('podLens/lifecycle', { textDocument: { uri }, pod: Math.floor(rnd() * 3) });
        else send('textDocument/codeLens', { textDocument: { uri } });
      } else {
        await client.close(uri);
        texts.delete(uri);
        // Requests about a closed document must still be answered.
        if (rnd() < 0.5) send('podLens/analysis', { textDocument: { uri } });
      }
    }
    const outcomes = await Promise.all(pending);
    for (const u of uris) if (texts.has(u)) await client.close(u);
    const stats = await client.request<ServerStats>(STATS_METHOD, {});
    return { outcomes, stats };
  }

  function checkOutcomes(outcomes: readonly Outcome[]): void {
    assert.ok(outcomes.length > EDITS / 4, `only ${outcomes.length} requests`);
    for (const o of outcomes) {
      if (o.error === undefined) continue;
      assert.ok(o.error instanceof ResponseError, `${o.method}: ${String(o.error)}`);
      // A cancelled request may be answered with its result or RequestCancelled; nothing else is an answer.
      if (o.method === 'podLens/lifecycle' && o.error.code !== REQUEST_CANCELLED) continue; // params shape owned elsewhere
      assert.equal(o.error.code, REQUEST_CANCELLED, `${o.method}: ${o.error.message}`);
      assert.ok(o.cancelled, `${o.method} answered RequestCancelled without being cancelled`);
    }
  }

  it('answers every request, forgets closed documents and keeps its heap flat', async (t) => {
    const first = await round(SEED);
    checkOutcomes(first.outcomes);
    assert.equal(first.stats.cachedDocuments, 0, 'documents still cached after every close');
    assert.equal(first.stats.openDocuments, 0);
    const second = await round(SEED);
    checkOutcomes(second.outcomes);
    assert.equal(second.stats.cachedDocuments, 0);
    assert.equal(client.proc.exitCode, null, 'the server exited');
    const cancelled = second.outcomes.filter((o) => o.error !== undefined).length;
    t.diagnostic(`requests ${second.outcomes.length}, answered RequestCancelled ${cancelled}, heap ${(first.stats.heapUsed / 1e6).toFixed(1)} MB -> ${(second.stats.heapUsed / 1e6).toFixed(1)} MB (gc: ${second.stats.gcRan})`);
    // Generous: a per-document leak of the 24 x 2 closed documents' analyses would be far larger.
    assert.ok(second.stats.heapUsed < first.stats.heapUsed * 1.5 + 16e6, `heap grew from ${first.stats.heapUsed} to ${second.stats.heapUsed}`);
    // Still answers normally afterwards.
    const uri = 'file:///soak/final.yaml';
    const wait = client.waitForDiagnostics(uri, 1);
    await client.open(uri, S.POD);
    await wait;
    const r = await client.request<{ pods: { qosClass: string }[] }>('podLens/analysis', { textDocument: { uri } });
    assert.deepEqual(r.pods.map((p) => p.qosClass), ['Burstable']);
  });
});
