/**
 * Fault isolation: a rule that throws (or returns garbage) is reported through onFault with the rule
 * named, and every other rule and the pod analysis still produce their results. The service reports
 * each distinct fault once.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeChunk } from '../../../server/src/analysis/chunkAnalysis';
import { RULES } from '../../../server/src/analysis/rules/index';
import type { Rule } from '../../../server/src/analysis/rules/rule';
import { LineIndex } from '../../../server/src/model/lineIndex';
import { kubeVersionOrLatest } from '../../../server/src/model/version';
import { POD } from './samples';

const version = kubeVersionOrLatest(undefined);
const BAD = POD.replace('cpu: 500m', 'cpu: lots');

const boom: Rule = { code: 'test-boom', severity: 'error', check() { throw new Error('boom'); } };
const notIterable: Rule = { code: 'test-not-iterable', severity: 'error', check: () => undefined as unknown as [] };
const stackOverflow: Rule = { code: 'test-recursion', severity: 'error', check() { const f = (n: number): number => f(n + 1) + 1; f(0); return []; } };

describe('fault isolation', () => {
  it('a throwing rule is reported with its name; the other rules and the pod analysis still run', () => {
    const faults: [string, unknown][] = [];
    const two = BAD + '---\n' + BAD.replace('name: web', 'name: web2');
    const chunk = analyzeChunk(two, version, (where, e) => faults.push([where, e]), [boom, ...RULES, notIterable, stackOverflow]);
    assert.equal(chunk.pods.length, 2);
    assert.deepEqual(chunk.pods.map((p) => p.qos.qosClass), ['Burstable', 'Burstable']);
    // The real rule after the faulty one still reports both pods' invalid quantities.
    assert.equal(chunk.findings.filter((f) => f.code === 'invalid-quantity').length, 2);
    assert.deepEqual([...new Set(faults.map(([w]) => w))].sort(), ['rule test-boom', 'rule test-not-iterable', 'rule test-recursion']);
    assert.ok(faults.every(([, e]) => e instanceof Error));
    assert.ok(!chunk.findings.some((f) => f.code.startsWith('test-')));
  });

  it('without faulty rules the same text gives the same findings (the faults changed nothing else)', () => {
    const faults: unknown[] = [];
    const clean = analyzeChunk(BAD, version, (w, e) => faults.push([w, e]), RULES);
    const noisy = analyzeChunk(BAD, version, () => undefined, [boom, ...RULES, notIterable]);
    assert.deepEqual(faults, []);
    assert.deepEqual(noisy.findings, clean.findings);
  });

  it('a rule returning out-of-range or NaN spans cannot produce an invalid LSP position', () => {
    const garbage: Rule = {
      code: 'test-garbage', severity: 'warning',
      check: () => [
        { span: { start: Number.NaN, end: Number.NaN }, message: 'nan' },
        { span: { start: -50, end: 1e12 }, message: 'out of range' },
        { span: { start: 10, end: 2 }, message: 'inverted' },
      ],
    };
    const chunk = analyzeChunk(POD, version, () => undefined, [garbage]);
    const lines = new LineIndex(POD);
    const lastLine = lines.lineCount - 1;
    for (const f of chunk.findings) {
      const r = lines.range(f.span.start, f.span.end);
      for (const p of [r.start, r.end]) {
        assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${f.message}: ${JSON.stringify(r)}`);
        assert.ok(p.line >= 0 && p.line <= lastLine && p.character >= 0, `${f.message}: ${JSON.stringify(r)}`);
      }
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
    }
  });
});
