/**
 * Drives every entry point of the real service on one document and checks the invariants that hold
 * for any input: nothing throws, results are plain acyclic data, every range lies inside the document.
 * Features that other work adds later (hover, codeActions, lifecycle) are exercised when present.
 */
import assert from 'node:assert/strict';
import { createPodService } from '../../../server/src/service/index';
import type { PodService, TextSnapshot } from '../../../server/src/service/index';
import type { PodLensSettings } from '../../../server/src/service/settings';
import type { PodDiagnostic } from '../../../server/src/service/diagnostics';
import type { PodCodeLens } from '../../../server/src/service/codeLens';
import type { AnalysisResult } from '../../../server/src/protocol/analysis';

export interface Pos { line: number; character: number }
export interface Rng { start: Pos; end: Pos }

/** A service whose faults are collected instead of thrown (helpers.analyzeYaml throws on any fault). */
export function faultCollectingService(): { service: PodService; faults: string[] } {
  const faults: string[] = [];
  return { service: createPodService({ log: (m) => faults.push(m) }), faults };
}

/** Line lengths in UTF-16 code units, with \r\n, \n and \r as line ends (as LSP counts them). */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      out.push(i - start);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

export function assertRangeInside(r: Rng, lines: readonly number[], what: string): void {
  const ok = (p: Pos) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length
    && p.character >= 0 && p.character <= lines[p.line]!;
  assert.ok(ok(r.start) && ok(r.end), `${what}: range ${JSON.stringify(r)} outside the document (${lines.length} lines)`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: inverted range ${JSON.stringify(r)}`);
}

/** Walks any result and checks every `{ start: {line, character}, end }` object it contains. */
function assertAllRanges(value: unknown, lines: readonly number[], what: string, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 50) return;
  if (Array.isArray(value)) { for (const v of value) assertAllRanges(v, lines, what, depth + 1); return; }
  const o = value as Record<string, unknown>;
  const s = o['start'] as Pos | undefined;
  const e = o['end'] as Pos | undefined;
  if (s && e && typeof s === 'object' && typeof e === 'object' && 'line' in s && 'character' in s) {
    assertRangeInside(o as unknown as Rng, lines, what);
    return;
  }
  for (const v of Object.values(o)) assertAllRanges(v, lines, what, depth + 1);
}

export interface Exercised {
  readonly diagnostics: PodDiagnostic[];
  readonly lenses: PodCodeLens[];
  readonly result: AnalysisResult;
  readonly lines: number[];
}

type AnyFn = (...args: unknown[]) => unknown;

/** Positions to probe hovers/actions at: line starts, middles and ends, diagnostics, and out-of-range ones. */
export function probePositions(lines: readonly number[], diagnostics: readonly PodDiagnostic[], max = 120): Pos[] {
  const out: Pos[] = [{ line: -1, character: -1 }, { line: lines.length + 5, character: 0 }, { line: 0, character: 1e9 }];
  const step = Math.max(1, Math.floor(lines.length / max));
  for (let l = 0; l < lines.length; l += step) {
    const len = lines[l]!;
    out.push({ line: l, character: 0 }, { line: l, character: len >> 1 }, { line: l, character: len });
  }
  for (const d of diagnostics.slice(0, max)) out.push(d.range.start, d.range.end);
  return out;
}

/** Every entry point of the service on one document; throws (assertion) when an invariant breaks. */
export function exercise(service: PodService, doc: TextSnapshot, settings: Partial<PodLensSettings> = {}, opts: { positions?: boolean } = {}): Exercised {
  const lines = lineLengths(doc.text);
  const file = service.analyze(doc, settings);
  assert.equal(file.text, doc.text);
  const diagnostics = service.diagnostics(doc, settings);
  const lenses = service.codeLenses(doc, settings);
  const result = service.analysis(doc, settings);
  // Plain, acyclic data: what crosses the LSP connection or is printed by the CLI.
  const json = JSON.stringify({ diagnostics, lenses, result });
  assert.ok(json.length > 0);
  for (const d of diagnostics) {
    assertRangeInside(d.range, lines, `diagnostic ${d.code}`);
    assert.equal(typeof d.message, 'string');
    assert.ok(d.message.length > 0, `diagnostic ${d.code} has an empty message`);
  }
  for (const l of lenses) assertRangeInside(l.range, lines, 'code lens');
  assertAllRanges(result, lines, 'podLens/analysis');
  if (opts.positions !== false) {
    const positions = probePositions(lines, diagnostics);
    for (const p of positions) {
      const off = service.offsetAt(doc, p, settings);
      assert.ok(off >= 0 && off <= doc.text.length, `offsetAt ${JSON.stringify(p)} = ${off}`);
    }
    const s = service as unknown as Record<string, AnyFn | undefined>;
    if (typeof s['hover'] === 'function') {
      for (const p of positions) {
        const h = s['hover'].call(service, doc, p, settings);
        JSON.stringify(h);
        assertAllRanges(h, lines, 'hover');
      }
    }
    if (typeof s['codeActions'] === 'function') {
      // codeActions(doc, settings, range, diagnostics): the client echoes diagnostics back, possibly stale or garbled.
      const echoed = diagnostics.slice(0, 200).map((d) => ({ code: d.code, source: d.source, range: d.range, data: d.data }));
      const garbage = [
        { code: 'invalid-quantity', source: 'pod-lens', range: { start: { line: -1, character: Number.NaN }, end: { line: 1e9, character: -5 } }, data: 'x' },
        { code: 42, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        { code: 'yaml-syntax', source: 'other', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { __proto__: null, fix: [1, 2] } },
      ];
      for (const p of positions.slice(0, 40)) {
        const a = s['codeActions'].call(service, doc, settings, { start: p, end: p }, garbage);
        JSON.stringify(a);
        assertAllRanges(a, lines, 'codeAction');
      }
      const all = s['codeActions'].call(service, doc, settings, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }, [...echoed, ...garbage]);
      JSON.stringify(all);
      assertAllRanges(all, lines, 'codeAction');
    }
    if (typeof s['lifecycle'] === 'function') {
      for (const i of [-1, 0, 1, result.pods.length, 1e9]) JSON.stringify(s['lifecycle'].call(service, doc, i, settings) ?? null);
    }
  }
  return { diagnostics, lenses, result, lines };
}

/** Faults other than a named rule's are bugs in the model or service layer. */
export function modelFaults(faults: readonly string[]): string[] {
  return faults.filter((f) => !/analysis fault in rule /.test(f));
}

export function ruleFaults(faults: readonly string[]): string[] {
  return faults.filter((f) => /analysis fault in rule /.test(f)).map((f) => f.split('\n')[0]!);
}
