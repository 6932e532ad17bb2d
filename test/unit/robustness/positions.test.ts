/**
 * Positions are LSP positions: line breaks are \r\n, \n or \r, characters are UTF-16 code units.
 * Exact ranges on CRLF files, on lines with multi-byte characters and emoji, and after a BOM.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeYaml } from '../helpers';
import { lineLengths } from './exercise';
import { POD } from './samples';

const BAD = POD.replace('cpu: 500m', 'cpu: lots');
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

function diag(text: string, code: string) {
  const r = analyzeYaml(text);
  const d = r.diagnostics.filter((x) => x.code === code);
  assert.ok(d.length > 0, `no ${code} in ${JSON.stringify(r.diagnostics.map((x) => x.code))}`);
  return { all: d, first: d[0]!, r };
}

describe('positions', () => {
  it('LF reference: an invalid quantity on line 17, characters 25-29', () => {
    assert.deepEqual(diag(BAD, 'invalid-quantity').first.range, { start: { line: 17, character: 25 }, end: { line: 17, character: 29 } });
  });

  it('CRLF: the same range, not shifted by the \\r characters', () => {
    const { first, r } = diag(crlf(BAD), 'invalid-quantity');
    assert.deepEqual(first.range, { start: { line: 17, character: 25 }, end: { line: 17, character: 29 } });
    const p = r.result.pods[0]!;
    assert.deepEqual(p.range.start, { line: 0, character: 0 });
    // The code lens sits on `kind: Pod` (line 1), whose range ends before the \r.
    const lens = r.service.codeLenses(r.doc)[0]!;
    assert.deepEqual(lens.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    assert.deepEqual(p.containers.map((c) => c.range.start), [{ line: 6, character: 6 }, { line: 9, character: 6 }, { line: 14, character: 6 }]);
  });

  it('lone CR and mixed endings: lines counted as LSP counts them', () => {
    const text = BAD.split('\n').map((l, i) => l + (i % 2 ? '\r' : '\r\n')).join('');
    const { first } = diag(text, 'invalid-quantity');
    assert.deepEqual(first.range, { start: { line: 17, character: 25 }, end: { line: 17, character: 29 } });
  });

  it('UTF-16: emoji (surrogate pairs) and CJK before the error on the same line', () => {
    const line = '    - { name: "🙂日本", image: "x:1", resources: { requests: { cpu: lots } } }';
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: "ünï😀" }\nspec:\n  containers:\n${line}\n`;
    // 🙂 is two UTF-16 units, 日 and 本 one each: "lots" starts at code unit 66 (byte 72, code point 65).
    assert.deepEqual(diag(text, 'invalid-quantity').first.range, { start: { line: 5, character: 66 }, end: { line: 5, character: 70 } });
    assert.deepEqual(diag(crlf(text), 'invalid-quantity').first.range, { start: { line: 5, character: 66 }, end: { line: 5, character: 70 } });
  });

  it('UTF-16: a syntax warning after emoji, and ranges of containers after astral characters', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata: { name: "🙂", name: x }\r\nspec:\r\n  containers: [{ name: "𝒳", image: "👩‍👩‍👧‍👦" }, { name: b, image: "x:1" }]\r\n';
    const { first, r } = diag(text, 'yaml-duplicate-key');
    assert.deepEqual(first.range, { start: { line: 2, character: 24 }, end: { line: 2, character: 28 } });
    const cs = r.result.pods[0]!.containers;
    assert.deepEqual(cs.map((c) => c.range.start), [{ line: 4, character: 15 }, { line: 4, character: 53 }]);
    assert.deepEqual(cs[0]!.range.end, { line: 4, character: 51 });
  });

  it('a BOM counts as one character on line 0 only', () => {
    const text = '\ufeff' + BAD;
    assert.deepEqual(diag(text, 'invalid-quantity').first.range, { start: { line: 17, character: 25 }, end: { line: 17, character: 29 } });
    const r = analyzeYaml('\ufeffkind: Pod\nkind: Pod\n');
    const d = r.diagnostics.find((x) => x.code === 'yaml-duplicate-key')!;
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  it('a syntax error at the very end of a CRLF file stays inside the document', () => {
    const text = crlf(POD) + '  - [unclosed';
    const r = analyzeYaml(text);
    const lines = lineLengths(text);
    const errs = r.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.ok(errs.length > 0);
    for (const d of errs) {
      assert.ok(d.range.end.line < lines.length && d.range.end.character <= lines[d.range.end.line]!, JSON.stringify(d.range));
    }
  });

  it('offsetAt and ranges round-trip on CRLF and astral text', () => {
    const text = crlf('a: "😀"\nb: [日本, 🙂]\n') + 'c: d\re: f';
    const r = analyzeYaml(text);
    const lines = lineLengths(text);
    assert.deepEqual(lines, [7, 11, 4, 4]);
    assert.equal(r.service.offsetAt(r.doc, { line: 1, character: 8 }), text.indexOf('🙂'));
    assert.equal(r.service.offsetAt(r.doc, { line: 1, character: 99 }), text.indexOf(']') + 1);
    assert.equal(r.service.offsetAt(r.doc, { line: 3, character: 0 }), text.indexOf('e: f'));
    assert.equal(r.service.offsetAt(r.doc, { line: 9, character: 0 }), text.length);
  });
});
