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
import { createPodService } from '../../../server/src/service/index';
import { run } from '../../../server/src/cli/main';
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

  it('through the service and the CLI: a throwing rule is logged once, named, and the rest is reported', () => {
    // RULES is the live registry; this file runs in its own process, and the rule is removed again.
    const registry = RULES as Rule[];
    const picky: Rule = { code: 'test-picky', severity: 'warning', check: ({ analysis }) => { if (analysis.pod.name === 'web2') throw new Error('picky'); return []; } };
    registry.push(picky);
    try {
      const logs: string[] = [];
      const service = createPodService({ log: (m) => logs.push(m) });
      const text = BAD + '---\n' + BAD.replace('name: web', 'name: web2');
      for (let v = 1; v <= 3; v++) {
        const doc = { uri: 'file:///iso.yaml', version: v, text: text + '#'.repeat(v) };
        assert.equal(service.diagnostics(doc).filter((d) => d.code === 'invalid-quantity').length, 2);
        assert.equal(service.analysis(doc).pods.length, 2);
      }
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0]!, /analysis fault in rule test-picky: Error: picky/);
      const out: string[] = [];
      const err: string[] = [];
      const code = run(['check', '--format', 'json', '-'], { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => text });
      assert.equal(code, 1);
      assert.equal(JSON.parse(out.join('')).files[0].pods.length, 2);
      assert.equal(err.filter((e) => e.includes('rule test-picky')).length, 1);
    } finally {
      registry.splice(registry.indexOf(picky), 1);
    }
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
