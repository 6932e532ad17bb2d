/**
 * Corpus: every spec the API server rejects gets an error with the right code, range and the API
 * server's words; every valid spec that naive linters get wrong stays quiet. Cases in corpusCases.ts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml } from '../helpers';
import { REJECTED, VALID, VERSIONED } from './corpusCases';

function diagnostics(text: string, version: string | undefined) {
  return analyzeYaml(text, version ? { kubernetesVersion: version } : {}).diagnostics;
}

function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  assert.equal(range.start.line, range.end.line, 'expected a single-line range');
  return lines[range.start.line]!.slice(range.start.character, range.end.character);
}

describe('corpus: specs the API server rejects', () => {
  for (const c of REJECTED) {
    it(c.name, () => {
      const all = diagnostics(c.text, c.version);
      const mine = all.filter((d) => d.code === c.code);
      assert.ok(mine.length > 0, `expected ${c.code}; got ${all.map((d) => `${d.code}: ${d.message}`).join(' | ') || 'nothing'}`);
      const at = mine.find((d) => d.range.start.line === c.line && d.range.start.character === c.character);
      assert.ok(at, `expected ${c.code} at ${c.line}:${c.character}; got ${mine.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ')}`);
      assert.equal(at.severity, 'error');
      assert.equal(covered(c.text, at.range), c.covers);
      assert.ok(at.message.startsWith(c.message), `message:\n  ${at.message}\nshould start with:\n  ${c.message}`);
    });
  }
});

describe('corpus: valid specs stay quiet', () => {
  for (const c of VALID) {
    it(c.name, () => {
      const all = diagnostics(c.text, c.version);
      assert.deepEqual(all.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), []);
      const allowed = new Set(c.warnings ?? []);
      assert.deepEqual(all.filter((d) => d.severity === 'warning' && !allowed.has(d.code)).map((d) => `${d.code}: ${d.message}`), []);
      for (const w of allowed) assert.ok(all.some((d) => d.code === w), `expected the warning ${w}`);
    });
  }
});

describe('corpus: version-aware fields', () => {
  for (const c of VERSIONED) {
    it(c.name, () => {
      const all = diagnostics(c.text, c.version);
      const errors = all.filter((d) => d.severity === 'error');
      const hints = all.filter((d) => d.code === 'field-dropped-by-version');
      if (c.hint !== undefined) {
        assert.ok(hints.some((d) => d.severity === 'information' && d.message.startsWith(c.hint!)), `expected the hint ${c.hint}; got ${hints.map((d) => d.message).join(' | ') || 'none'}`);
      } else {
        assert.deepEqual(hints.map((d) => d.message), [], 'no field is dropped on this version');
      }
      if (c.code === undefined) {
        assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), []);
        return;
      }
      assert.deepEqual([...new Set(errors.map((d) => d.code))].sort(), [c.code, ...(c.also ?? [])].sort());
      const mine = errors.find((d) => d.code === c.code)!;
      assert.ok(mine.message.startsWith(c.message!), mine.message);
    });
  }
});

describe('corpus: size', () => {
  it('has at least 60 specs', () => {
    assert.ok(REJECTED.length + VALID.length >= 60, `${REJECTED.length + VALID.length} specs`);
    assert.ok(REJECTED.length >= 30 && VALID.length >= 20);
  });
});
