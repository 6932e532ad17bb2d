/**
 * Diagnostics in steps (issue 18): a large file first gets the diagnostics of the documents at its
 * top, then the complete set. The complete set must be exactly `diagnostics`, and the first step
 * exactly the part of it that lies in the analysed top, suppression directives included.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPodService } from '../../server/src/service/index';
import type { PodDiagnostic } from '../../server/src/service/diagnostics';
import { FIRST_STEP_CHARS } from '../../server/src/service/fileAnalysis';
import { REJECTED, VALID } from './rules/corpusCases';

const fault = (m: string) => { throw new Error(`unexpected fault: ${m}`); };

/** The corpus' documents, repeated until the file is `chars` long, `---`-separated. */
function corpusFile(chars: number): string {
  const docs = [...REJECTED, ...VALID].map((c) => c.text.replace(/^---\n/, '').trimEnd() + '\n');
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const d = `${docs[i % docs.length]!}# document ${i}\n`; // unique: repeated documents would be analysed once
    out.push(d);
    length += d.length + 4;
  }
  return out.join('---\n');
}

function run(text: string, settings = {}) {
  const service = createPodService({ log: fault });
  const doc = { uri: 'test://big.yaml', version: 1, text };
  const steps = service.diagnosticsInSteps(doc, settings);
  const partial: PodDiagnostic[][] = [];
  let r = steps.next();
  while (!r.done) { partial.push(r.value); r = steps.next(); }
  const expected = createPodService({ log: fault }).diagnostics(doc, settings);
  return { service, doc, partial, complete: r.value, expected };
}

describe('diagnostics in steps', () => {
  it('a small file is published once, complete', () => {
    const { partial, complete, expected } = run(corpusFile(FIRST_STEP_CHARS));
    assert.equal(partial.length, 0);
    assert.deepEqual(complete, expected);
  });

  it('a large file first gets the diagnostics of its top, exactly those of the complete set there', () => {
    const text = corpusFile(8 * FIRST_STEP_CHARS);
    const { partial, complete, expected } = run(text);
    assert.equal(partial.length, 1);
    const first = partial[0]!;
    assert.deepEqual(complete, expected);
    assert.ok(first.length > 20 && complete.length > 4 * first.length, `${first.length} of ${complete.length}`);
    assert.deepEqual(first, complete.slice(0, first.length));
    // The first step ends at a document boundary: no later diagnostic starts before its last one.
    const lines = text.split('\n');
    const lastLine = first[first.length - 1]!.range.start.line;
    const boundary = lines.findIndex((l, i) => i > lastLine && l === '---');
    assert.ok(complete.slice(first.length).every((d) => d.range.start.line > boundary), 'the first step left out a diagnostic of its own documents');
    const reached = lines.slice(0, boundary).join('\n').length;
    assert.ok(reached < 2 * FIRST_STEP_CHARS, `the first step reaches offset ${reached}`);
  });

  it('a directive in the next document does not suppress anything in the first step', () => {
    // Every document has an error; the one that completes the first step is the last of `top`.
    const top: string[] = [];
    for (let i = 0; top.join('---\n').length < FIRST_STEP_CHARS; i++) top.push(`${REJECTED[i % REJECTED.length]!.text.trimEnd()}\n# document ${i}\n`);
    const text = `${top.join('---\n')}---\n# pod-lens-disable\n${corpusFile(4 * FIRST_STEP_CHARS)}`;
    const { partial, complete, expected } = run(text);
    assert.equal(partial.length, 1);
    assert.deepEqual(complete, expected);
    const first = partial[0]!;
    assert.deepEqual(first, complete.slice(0, first.length));
    const lastTopDocument = text.slice(0, text.lastIndexOf('---\n# pod-lens-disable')).lastIndexOf('---\n');
    const lastTopLine = text.slice(0, lastTopDocument).split('\n').length;
    assert.ok(first.some((d) => d.range.start.line >= lastTopLine), 'the last document of the first step has its diagnostics');
    assert.ok(first.every((d) => d.range.start.line < text.split('\n').indexOf('# pod-lens-disable')), 'the first step ends before the directive');
  });

  it('settings (rule severities) apply to both steps', () => {
    const text = corpusFile(4 * FIRST_STEP_CHARS);
    const code = run(text).partial[0]![0]!.code;
    const { partial, complete, expected } = run(text, { rules: { [code]: 'off' } });
    assert.deepEqual(complete, expected);
    assert.ok(partial[0]!.length > 0 && !partial[0]!.some((d) => d.code === code));
    assert.ok(!complete.some((d) => d.code === code));
  });

  it('caches the complete analysis like `analyze`, and an unchanged or edited file has no partial step', () => {
    const text = corpusFile(4 * FIRST_STEP_CHARS);
    const { service, doc } = run(text);
    const again = service.diagnosticsInSteps(doc).next();
    assert.equal(again.done, true);
    const mid = text.indexOf('---\n', text.length >> 1);
    const edited = { ...doc, version: 2, text: `${text.slice(0, mid)}---\n# edited\n${text.slice(mid + 4)}` };
    const step = service.diagnosticsInSteps(edited).next();
    assert.equal(step.done, true, 'only the edited document is analysed afresh');
    assert.deepEqual(step.value, createPodService({ log: fault }).diagnostics(edited));
  });

  it('a request that analyses the same version while the steps are paused is reused', () => {
    const text = corpusFile(4 * FIRST_STEP_CHARS);
    const service = createPodService({ log: fault });
    const doc = { uri: 'test://big.yaml', version: 1, text };
    const steps = service.diagnosticsInSteps(doc);
    assert.equal(steps.next().done, false);
    const file = service.analyze(doc);
    const r = steps.next();
    assert.equal(r.done, true);
    assert.equal(service.analyze(doc), file);
    assert.deepEqual(r.value, service.diagnostics(doc));
  });
});
