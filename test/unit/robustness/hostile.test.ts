/**
 * Every class of hostile input from issue 8, through the real service (every entry point) and the
 * CLI in-process. Each must give a result or a clear diagnostic; no fault may come from the model or
 * service layer, and a rule fault is reported once with the rule named.
 */
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';
import { FILE_ALIAS_BUDGET } from '../../../server/src/service/fileAnalysis';
import { DEFAULT_LIMITS } from '../../../server/src/model/parse';
import type { AnalysisResult } from '../../../server/src/protocol/analysis';
import { exercise, faultCollectingService, modelFaults, ruleFaults } from './exercise';
import type { Exercised } from './exercise';
import * as S from './samples';

let n = 0;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-hostile-'));

function cli(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (s) => out.push(s), err: (s) => err.push(s), stdin: () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function checkFaults(t: TestContext, faults: readonly string[]): void {
  assert.deepEqual(modelFaults(faults), [], 'faults outside the rules (model/service layer)');
  const rules = ruleFaults(faults);
  // Reported once each, with the rule named.
  assert.equal(new Set(rules).size, rules.length, `a fault was reported twice: ${rules.join('\n')}`);
  for (const r of rules) t.diagnostic(`rule fault: ${r}`);
  assert.deepEqual(rules, [], `rules threw (isolated, but rules must be total): ${rules.join('\n')}`);
}

/** Service (all entry points) on the text, then the CLI on the same bytes (file) and, for small inputs, on stdin. */
function analyse(t: TestContext, sample: { text: string; bytes?: Buffer; large?: boolean }, settings = {}): Exercised & { cliJson?: { files: { diagnostics: { code: string }[]; pods: AnalysisResult['pods'] }[] } } {
  const { service, faults } = faultCollectingService();
  const doc = { uri: `file:///hostile/${n++}.yaml`, version: 1, text: sample.text };
  const ex = exercise(service, doc, settings, { positions: !sample.large });
  // A second version of the same document reuses chunk analyses and must agree.
  if (!sample.large) {
    const again = exercise(service, { ...doc, version: 2 }, settings, { positions: false });
    assert.deepEqual(again.diagnostics, ex.diagnostics);
  }
  service.close(doc.uri);
  assert.equal(service.cacheSize(), 0);
  checkFaults(t, faults);

  const file = path.join(tmpDir, `s${n}.yaml`);
  fs.writeFileSync(file, sample.bytes ?? Buffer.from(sample.text, 'utf8'));
  const format = sample.large ? 'text' : 'json';
  const r = cli(['check', '--format', format, file]);
  assert.ok(r.code === 0 || r.code === 1, `CLI exit ${r.code}: ${r.err.slice(0, 2000)}`);
  assert.deepEqual(modelFaults(r.err.split('\n').filter((l) => l.includes('analysis fault'))), []);
  fs.rmSync(file);
  if (format === 'text') {
    assert.match(r.out, /1 file\(s\), \d+ pod spec\(s\), \d+ error\(s\), \d+ warning\(s\)/);
    return ex;
  }
  const cliJson = JSON.parse(r.out);
  assert.equal(cliJson.files.length, 1);
  if (!sample.bytes) {
    assert.equal(cliJson.files[0].pods.length, ex.result.pods.length);
    const stdin = cli(['check', '--format', 'json', '-'], sample.text);
    assert.equal(stdin.code, r.code);
    assert.equal(JSON.parse(stdin.out).files[0].pods.length, ex.result.pods.length);
  }
  return { ...ex, cliJson };
}

const codes = (ex: Exercised) => ex.diagnostics.map((d) => d.code);

describe('hostile input: service and CLI', () => {
  it('alias bomb (billion laughs): expansion is bounded and reported once', (t) => {
    const ex = analyse(t, { text: S.billionLaughs() });
    assert.equal(codes(ex).filter((c) => c === 'yaml-aliases').length, 1, JSON.stringify(codes(ex)));
    assert.deepEqual(ex.result.pods.map((p) => p.containers.length), [1]);
    const { service } = faultCollectingService();
    const file = service.analyze({ uri: 'file:///lol.yaml', version: 1, text: S.billionLaughs() });
    const expanded = file.chunks.flatMap((c) => c.analysis.documents).reduce((n, d) => n + d.aliasExpansion, 0);
    assert.ok(expanded <= DEFAULT_LIMITS.maxAliasExpansion + 10_000, `${expanded} nodes`);
  });

  it('an alias bomb spread across many documents is bounded per file, not only per document', (t) => {
    // Each document alone stays under the per-document limit (~57k nodes); 2000 of them would build 100M+.
    const text = Array.from({ length: 2000 }, () => S.billionLaughs(4, 9)).join('---\n');
    const ex = analyse(t, { text, large: true });
    assert.equal(ex.result.pods.length, 2000);
    const firstAliasDiag = ex.diagnostics.find((d) => d.code === 'yaml-aliases');
    assert.ok(firstAliasDiag, 'later documents are analysed without expanding aliases');
    assert.ok(firstAliasDiag.range.start.line > 100, 'the first documents are still expanded');
    assert.match(firstAliasDiag.message, /1000000/);
    const { service } = faultCollectingService();
    const file = service.analyze({ uri: 'file:///lol-many.yaml', version: 1, text });
    const expanded = file.chunks.flatMap((c) => c.analysis.documents).reduce((n, d) => n + d.aliasExpansion, 0);
    assert.ok(expanded <= FILE_ALIAS_BUDGET + DEFAULT_LIMITS.maxAliasExpansion, `${expanded} nodes`);
  });

  it('cyclic aliases: no infinite structure, a diagnostic instead', (t) => {
    const ex = analyse(t, { text: S.CYCLIC_ALIASES });
    assert.ok(codes(ex).includes('yaml-aliases'), JSON.stringify(codes(ex)));
    assert.equal(ex.result.pods.length, 1);
    assert.deepEqual(ex.result.pods[0]!.containers.map((c) => c.name), ['a']);
  });

  it('10k-deep block nesting', (t) => {
    const ex = analyse(t, { text: S.deepBlock() });
    assert.ok(codes(ex).some((c) => c === 'yaml-nesting' || c === 'yaml-syntax'), JSON.stringify(codes(ex)));
    const maps = analyse(t, { text: S.deepBlockMaps(10_000), large: true }, { maxFileSize: 60_000_000 });
    assert.ok(codes(maps).some((c) => c === 'yaml-nesting' || c === 'yaml-syntax'), JSON.stringify(codes(maps)));
  });

  it('10k-deep flow nesting', (t) => {
    const ex = analyse(t, { text: S.deepFlow() });
    assert.ok(codes(ex).some((c) => c === 'yaml-nesting' || c === 'yaml-syntax'), JSON.stringify(codes(ex)));
  });

  it('100k containers', (t) => {
    const ex = analyse(t, { text: S.manyContainers(), large: true });
    assert.equal(ex.result.pods.length, 1);
    assert.equal(ex.result.pods[0]!.containers.length, 100_000);
    assert.equal(ex.lenses.length, 2);
  });

  it('a multi-megabyte single line', (t) => {
    const ex = analyse(t, { text: S.longLine(), large: true });
    assert.equal(ex.result.pods.length, 1);
    assert.equal(ex.result.pods[0]!.name, 'long');
  });

  it('hundreds of kilobytes in every field rules read (names, image, command, ports, resource names)', (t) => {
    const text = S.longFields();
    assert.ok(text.length > 2_000_000 && text.length < 5_000_000, String(text.length));
    const ex = analyse(t, { text, large: true });
    assert.equal(ex.result.pods.length, 1);
    assert.equal(ex.result.pods[0]!.containers.length, 1);
  });

  it('a multi-megabyte line of unterminated template braces', (t) => {
    const ex = analyse(t, { text: S.braceFlood(), large: true });
    assert.equal(ex.result.pods.length, 1);
  });

  it('a 50 MB+ file is skipped with one notice', (t) => {
    const text = S.hugeFile();
    assert.ok(text.length > 50 * 1024 * 1024);
    const ex = analyse(t, { text, large: true });
    assert.deepEqual(codes(ex), ['file-too-large']);
    assert.equal(ex.diagnostics[0]!.severity, 'information');
    assert.match(ex.diagnostics[0]!.message, /maxFileSize/);
    assert.deepEqual(ex.diagnostics[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(ex.result.pods.length, 0);
    assert.equal(ex.lenses.length, 0);
    const r = cli(['check', '--format', 'json', '-'], text);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).files[0].diagnostics.map((d: { code: string }) => d.code), ['file-too-large']);
  });

  it('binary noise', (t) => {
    for (const seed of [1, 2, 3, 4]) {
      const bytes = S.binaryNoise(32 * 1024, seed);
      analyse(t, { text: bytes.toString('utf8'), bytes });
      analyse(t, { text: bytes.toString('latin1') });
    }
  });

  it('NUL and control bytes', (t) => {
    const ex = analyse(t, { text: S.NUL_BYTES });
    assert.ok(ex.diagnostics.some((d) => d.code === 'yaml-syntax') || ex.result.pods.length === 1, JSON.stringify(codes(ex)));
  });

  it('invalid UTF-8 (the CLI reads bytes and substitutes U+FFFD)', (t) => {
    const bytes = S.invalidUtf8();
    const ex = analyse(t, { text: bytes.toString('utf8'), bytes });
    assert.equal(ex.result.pods.length, 1);
    assert.match(ex.result.pods[0]!.name ?? '', /^w\ufffd/);
    assert.match(ex.cliJson!.files[0]!.pods[0]!.name ?? '', /^w\ufffd/);
  });

  it('a byte order mark changes nothing but the first line', (t) => {
    const plain = analyse(t, { text: S.POD });
    const bom = analyse(t, { text: S.BOM });
    assert.deepEqual(bom.result.pods.map((p) => [p.qosClass, p.requests, p.limits]), plain.result.pods.map((p) => [p.qosClass, p.requests, p.limits]));
    assert.deepEqual(bom.lenses.map((l) => l.range), plain.lenses.map((l) => l.range));
    assert.deepEqual(bom.result.pods[0]!.containers.map((c) => c.range), plain.result.pods[0]!.containers.map((c) => c.range));
    // The CLI strips the BOM.
    assert.deepEqual(bom.cliJson!.files[0]!.pods[0]!.range, plain.cliJson!.files[0]!.pods[0]!.range);
  });

  it('CRLF and mixed line endings give the same analysis and the same lines', (t) => {
    const plain = analyse(t, { text: S.POD });
    for (const text of [S.CRLF, S.MIXED_EOL]) {
      const ex = analyse(t, { text });
      assert.deepEqual(ex.lines.length, plain.lines.length);
      assert.deepEqual(ex.result.pods.map((p) => [p.qosClass, p.requests, p.limits]), plain.result.pods.map((p) => [p.qosClass, p.requests, p.limits]));
      assert.deepEqual(ex.lenses.map((l) => l.range), plain.lenses.map((l) => l.range));
      assert.deepEqual(ex.result.pods[0]!.containers.map((c) => c.range.start), plain.result.pods[0]!.containers.map((c) => c.range.start));
    }
  });

  it('tabs used as indentation are a syntax error on their line', (t) => {
    const ex = analyse(t, { text: S.TABS });
    const tabLine = S.TABS.split('\n').findIndex((l) => l.startsWith('\t'));
    assert.ok(ex.diagnostics.some((d) => d.code === 'yaml-syntax' && d.range.start.line === tabLine), JSON.stringify(ex.diagnostics.map((d) => [d.code, d.range.start])));
  });

  it('YAML 1.1 oddities (on/yes/octal/sexagesimal)', (t) => {
    const ex = analyse(t, { text: S.YAML11 });
    assert.equal(ex.result.pods.length, 1);
  });

  it('duplicate keys: reported, and the last value wins as in Kubernetes', (t) => {
    const ex = analyse(t, { text: S.DUPLICATE_KEYS });
    assert.ok(codes(ex).filter((c) => c === 'yaml-duplicate-key').length >= 5, JSON.stringify(codes(ex)));
    assert.deepEqual(ex.result.pods[0]!.containers.map((c) => c.name), ['c']);
  });

  it('merge keys', (t) => {
    const ex = analyse(t, { text: S.MERGE_KEYS });
    const p = ex.result.pods[0]!;
    assert.deepEqual(p.containers.map((c) => c.name), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(p.requests, { cpu: '200m', memory: '128Mi' });
  });

  it('custom and unusual tags', (t) => {
    const ex = analyse(t, { text: S.CUSTOM_TAGS });
    assert.ok(ex.result.pods.length >= 1);
  });

  it('JSON-syntax manifests', (t) => {
    const ex = analyse(t, { text: S.JSON_MANIFEST });
    assert.deepEqual(ex.result.pods.map((p) => [p.name, p.requests, p.limits]), [['json', { cpu: '250m', memory: '64Mi' }, { cpu: '500m', memory: '134217728' }]]);
    const one = analyse(t, { text: S.JSON_ONE_LINE });
    assert.deepEqual(one.result.pods.map((p) => p.name), ['j']);
  });

  it('Helm/Go templates: one notice, not a flood of syntax errors', (t) => {
    const ex = analyse(t, { text: S.HELM });
    const firstDocEnd = S.HELM.split('\n').indexOf('---');
    const inFirst = ex.diagnostics.filter((d) => d.range.start.line < firstDocEnd);
    assert.equal(inFirst.filter((d) => d.code === 'helm-template').length, 1, JSON.stringify(codes(ex)));
    assert.ok(inFirst.filter((d) => d.code === 'yaml-syntax').length <= 1, JSON.stringify(codes(ex)));
    // The second document's `{{` is never closed: it is plain broken YAML and says so.
    assert.ok(ex.diagnostics.some((d) => d.code === 'yaml-syntax' && d.range.start.line > firstDocEnd));
  });

  it('Kustomize patches', (t) => {
    const ex = analyse(t, { text: S.KUSTOMIZE });
    assert.deepEqual(ex.result.pods.map((p) => p.kind), ['Deployment']);
  });

  it('Kubernetes List objects, including malformed items', (t) => {
    const ex = analyse(t, { text: S.LIST });
    assert.deepEqual(ex.result.pods.map((p) => p.kind), ['Pod', 'Deployment']);
    assert.equal(ex.result.pods[0]!.qosClass, 'Guaranteed');
  });

  it('wrong types everywhere, nulls, negative and absurd quantities', (t) => {
    const ex = analyse(t, { text: S.WRONG_TYPES });
    assert.ok(ex.result.pods.length >= 1);
    const p = ex.result.pods[0]!;
    // Invalid quantities stay out of the math; they are reported instead.
    for (const v of [...Object.values(p.requests), ...Object.values(p.limits)]) assert.doesNotMatch(v, /Infinity|NaN|e400/);
    assert.ok(codes(ex).includes('invalid-quantity'), JSON.stringify(codes(ex)));
  });

  it('truncated, empty and marker-only files', (t) => {
    analyse(t, { text: S.TRUNCATED });
    const empty = analyse(t, { text: '' });
    assert.deepEqual(empty.diagnostics, []);
    analyse(t, { text: '---\n...\n---\n--- \n...' });
  });
});
