/**
 * The Validator publishes a large file in steps. When findings from elsewhere change while a validation is
 * between its steps (the workspace index asks for a refresh), the running validation merges them at its end:
 * a second run would publish the same complete set twice (seen by the bench as an extra publish per open).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import { Validator } from '../../server/src/lsp/diagnostics';
import type { Timer } from '../../server/src/lsp/diagnostics';
import type { PodService } from '../../server/src/service/index';
import type { PodDiagnostic } from '../../server/src/service/diagnostics';
import type { SettingsCache } from '../../server/src/lsp/settings';
import { withDefaults } from '../../server/src/service/settings';

/** Timers that run only when the test says so, in the order they were set. */
class ManualTimer implements Timer {
  private queue: { fn: () => void; id: number }[] = [];
  private next = 0;
  setTimeout(fn: () => void): unknown { const id = ++this.next; this.queue.push({ fn, id }); return id; }
  clearTimeout(handle: unknown): void { this.queue = this.queue.filter((t) => t.id !== handle); }
  async runAll(): Promise<void> {
    // promises settle between timers, as on the event loop
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setImmediate(r));
      const due = this.queue;
      this.queue = [];
      for (const t of due) t.fn();
    }
  }
}

function diagnostic(code: string): PodDiagnostic {
  return { code, severity: 'warning', source: 'pod-lens', message: code, href: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } as PodDiagnostic;
}

function harness() {
  const published: { uri: string; codes: string[] }[] = [];
  const connection = { sendDiagnostics: async (p: { uri: string; diagnostics: { code: string }[] }) => { published.push({ uri: p.uri, codes: p.diagnostics.map((d) => String(d.code)) }); } } as unknown as Connection;
  const service = {
    *diagnosticsInSteps(): Generator<PodDiagnostic[], PodDiagnostic[], void> {
      yield [diagnostic('top')];
      return [diagnostic('top'), diagnostic('rest')];
    },
  } as unknown as PodService;
  const settings = { get: async () => withDefaults({}) } as unknown as SettingsCache;
  const timer = new ManualTimer();
  let merges = 0;
  const validator = new Validator(connection, service, settings, timer, 50, () => undefined, (_doc, own) => { merges++; return [...own, diagnostic('elsewhere')]; });
  return { published, timer, validator, merges: () => merges };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('Validator.refresh', () => {
  it('a refresh while a validation is between its steps does not start a second run', async () => {
    const h = harness();
    const doc = TextDocument.create('file:///big.yaml', 'yaml', 1, 'kind: Pod\n');
    h.validator.schedule(doc, true);
    await settle(); await settle();
    assert.deepEqual(h.published.map((p) => p.codes), [['top']], 'the first step is out');
    h.validator.refresh(doc); // the index changed while the rest is analysed
    await h.timer.runAll();
    assert.deepEqual(h.published.map((p) => p.codes), [['top'], ['top', 'rest', 'elsewhere']], 'one complete publish, with the findings from elsewhere');
    assert.equal(h.merges(), 1);
  });

  it('a refresh after the merge validates again', async () => {
    const h = harness();
    const doc = TextDocument.create('file:///big.yaml', 'yaml', 1, 'kind: Pod\n');
    h.validator.schedule(doc, true);
    await h.timer.runAll();
    assert.equal(h.published.length, 2);
    h.validator.refresh(doc);
    await h.timer.runAll();
    assert.equal(h.published.length, 4, 'a new run publishes both steps again');
    assert.equal(h.merges(), 2);
  });

  it('a refresh for a newer version than the one under way validates the newer version', async () => {
    const h = harness();
    const doc = TextDocument.create('file:///big.yaml', 'yaml', 1, 'kind: Pod\n');
    h.validator.schedule(doc, true);
    await settle(); await settle();
    TextDocument.update(doc, [{ text: '# edit\n' }], 2);
    h.validator.refresh(doc);
    await h.timer.runAll();
    assert.equal(h.merges(), 1, 'the stale run stops; the refresh of version 2 merges once');
    assert.deepEqual(h.published.at(-1)?.codes, ['top', 'rest', 'elsewhere']);
  });
});
