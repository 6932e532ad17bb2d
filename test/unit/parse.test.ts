import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from '../../server/src/model/split';
import { LineIndex } from '../../server/src/model/lineIndex';
import { analyzeYaml } from './helpers';

describe('document splitting', () => {
  it('splits at --- and keeps offsets', () => {
    const text = 'a: 1\n---\nb: 2\n--- \nc: 3\n';
    const chunks = splitDocuments(text);
    assert.deepEqual(chunks.map((c) => c.text), ['a: 1\n', '---\nb: 2\n', '--- \nc: 3\n']);
    for (const c of chunks) assert.equal(text.slice(c.start, c.start + c.text.length), c.text);
  });
  it('does not split at ---- or indented markers', () => {
    assert.equal(splitDocuments('a: |\n  ---\nb: ----\n').length, 1);
  });
  it('handles a leading marker and ... end markers', () => {
    assert.deepEqual(splitDocuments('---\na: 1\n...\n---\nb: 2\n').map((c) => c.text), ['---\na: 1\n...\n', '---\nb: 2\n']);
  });
});

describe('line index', () => {
  it('maps offsets on CRLF, CR and multi-byte lines in UTF-16 units', () => {
    const text = 'a\r\nb€😀c\rd\ne';
    const li = new LineIndex(text);
    assert.deepEqual(li.position(text.indexOf('c')), { line: 1, character: 4 });
    assert.deepEqual(li.position(text.indexOf('d')), { line: 2, character: 0 });
    assert.deepEqual(li.position(text.indexOf('e')), { line: 3, character: 0 });
    assert.equal(li.offset({ line: 1, character: 4 }), text.indexOf('c'));
    assert.equal(li.offset({ line: 0, character: 99 }), 1);
  });
});

describe('syntax problems', () => {
  it('reports a YAML syntax error at its position and still analyses other documents', () => {
    const r = analyzeYaml('apiVersion: v1\nkind: Pod\nmetadata: { name: ok }\nspec:\n  containers: [{ name: a, image: "x:1" }]\n---\nkey: [unclosed\n');
    assert.equal(r.result.pods.length, 1);
    const d = r.diagnostics.find((x) => x.code === 'yaml-syntax');
    assert.ok(d);
    assert.ok(d.range.start.line >= 6);
  });

  it('reports a Helm template once instead of a flood of errors', () => {
    const r = analyzeYaml('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  {{- if .Values.x }}\n  containers:\n    - name: a\n      image: {{ .Values.image | quote }}\n  {{- end }}\n');
    assert.equal(r.diagnostics.filter((d) => d.code === 'yaml-syntax').length <= 1, true);
    assert.equal(r.diagnostics.filter((d) => d.code === 'helm-template').length, 1);
  });

  it('bounds alias bombs', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const r = analyzeYaml(lines.join('\n') + '\n');
    assert.ok(r.diagnostics.some((d) => d.code === 'yaml-aliases'));
  });

  it('warns about duplicate keys', () => {
    const r = analyzeYaml('kind: Pod\nkind: Pod\n');
    assert.ok(r.diagnostics.some((d) => d.code === 'yaml-duplicate-key' && d.range.start.line === 1));
  });
});
