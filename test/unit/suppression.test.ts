import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDirectives, parseSuppressions } from '../../server/src/service/suppression';
import { analyzeYaml } from './helpers';

const codes = (text: string, settings = {}) => analyzeYaml(text, settings).diagnostics.map((d) => `${d.code}@${d.range.start.line}`);

const POD = (lines: { image?: string; before?: string; header?: string } = {}) => `${lines.header ?? ''}apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
${lines.before ?? ''}    - name: a
      image: ${lines.image ?? 'nginx'}
      resources: { requests: { cpu: 10m, memory: 64Mi }, limits: { memory: 64Mi } }
`;

describe('inline suppression', () => {
  it('reports without directives (baseline)', () => {
    assert.deepEqual(codes(POD()), ['image-latest-tag@6']);
  });

  it('disable-line suppresses the listed code on its own line only', () => {
    assert.deepEqual(codes(POD({ image: 'nginx # pod-lens-disable-line image-latest-tag' })), []);
    assert.deepEqual(codes(POD({ image: 'nginx # pod-lens-disable-line missing-requests' })), ['image-latest-tag@6']);
    assert.deepEqual(codes(POD({ image: 'nginx # pod-lens-disable-line' })), []);
  });

  it('disable-next-line applies to the next non-comment line, with several codes', () => {
    const text = POD({ before: '', image: 'nginx' }).replace('      image: nginx', '      # pod-lens-disable-next-line missing-requests, image-latest-tag -- pinned by the CD pipeline\n      # another comment\n\n      image: nginx');
    assert.deepEqual(codes(text), []);
    // A code list that does not include the finding's code leaves it.
    const other = POD().replace('      image: nginx', '      # pod-lens-disable-next-line shell-entrypoint\n      image: nginx');
    assert.deepEqual(codes(other), ['image-latest-tag@7']);
  });

  it('disable (document) covers the whole YAML document and only that one', () => {
    const doc = POD().replace('spec:\n', 'spec: # pod-lens-disable image-latest-tag\n');
    assert.deepEqual(codes(`${doc}---\n${POD()}`), ['image-latest-tag@15']);
    // Without codes: everything in the document.
    assert.deepEqual(codes(`${POD().replace('kind: Pod', 'kind: Pod # pod-lens-disable')}---\n${POD()}`), ['image-latest-tag@15']);
  });

  it('a directive in a comment-only preamble applies to the document after it', () => {
    assert.deepEqual(codes(`# pod-lens-disable image-latest-tag\n---\n${POD()}`), []);
  });

  it('ignores look-alikes inside strings and other comments', () => {
    const quoted = POD().replace('metadata: { name: p }', 'metadata: { name: p, annotations: { a: "x # pod-lens-disable" } }');
    assert.deepEqual(codes(quoted), ['image-latest-tag@6']);
    assert.deepEqual(parseDirectives('a: b # pod-lens-disabled x\nc: d #pod-lens-disable-lines').length, 0);
    assert.deepEqual(parseDirectives('a: b #pod-lens-disable-line x,y').map((d) => [d.scope, [...d.codes!]]), [['line', ['x', 'y']]]);
  });

  it('works together with the podLens.rules setting', () => {
    const text = POD();
    assert.deepEqual(codes(text, { rules: { 'image-latest-tag': 'off' } }), []);
    const d = analyzeYaml(text, { rules: { 'image-latest-tag': 'error' } }).diagnostics;
    assert.equal(d[0]!.severity, 'error');
  });

  it('maps offsets to chunks and lines (unit)', () => {
    const text = 'a: 1 # pod-lens-disable-line x\nb: 2\n---\n# pod-lens-disable y\nc: 3\n';
    const s = parseSuppressions(text, [0, text.indexOf('---')]);
    assert.equal(s.isSuppressed('x', 0), true);
    assert.equal(s.isSuppressed('x', text.indexOf('b:')), false);
    assert.equal(s.isSuppressed('y', text.indexOf('c:')), true);
    assert.equal(s.isSuppressed('y', text.indexOf('b:')), false);
    assert.equal(parseSuppressions('a: 1\n', [0]).count, 0);
  });
});
