import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertSameTrees, newCount } from './differential';
import { YamlGenerator, rng } from './generator';
import { ManifestGenerator } from './manifestGenerator';
import { knownTagTests } from '../../../server/src/model/cstScalar';

describe('CST trees agree with Document trees: generated YAML', () => {
  it('1,500 random streams (seeded): every scalar style, 1.1 numbers, anchors, aliases, merge keys, tags, comments, directives, damage', () => {
    const r = rng(20261206);
    const count = newCount();
    for (let i = 0; i < 1500; i++) {
      const gen = new YamlGenerator(r, r.int(1, 7));
      assertSameTrees(gen.stream(), `stream ${i}`, count);
    }
    assert.ok(count.cst >= 1500 * 0.4, `CST path taken for ${count.cst} of 1500 streams`);
    assert.ok(count.document >= 1500 * 0.1, `the fallback taken for only ${count.document} of 1500 streams`);
  });

  it('4,000 random manifest-shaped streams (seeded), read line by line where the line reader takes them', () => {
    const r = rng(20261207);
    const count = newCount();
    for (let i = 0; i < 4000; i++) assertSameTrees(new ManifestGenerator(r).stream(), `manifest stream ${i}`, count);
    // Both sides of the line reader's decision must be exercised.
    assert.ok(count.lines >= 4000 * 0.3, `the line reader took only ${count.lines} of 4000 streams`);
    assert.ok(count.lines <= 4000 * 0.9, `the line reader took ${count.lines} of 4000 streams: the damage and the odd cases do not reach its fallback`);
  });

  it('plain scalars skip the tag tests by their first character only with the YAML 1.1 tests it was derived from', () => {
    // If a new `yaml` version changes its tests, the short cut turns itself off (still correct, slower): say so here.
    assert.ok(knownTagTests(), 'the yaml package\'s YAML 1.1 tag tests changed: review NON_STRING_STARTS in model/cstScalar.ts');
    const r = rng(1);
    const chars = '~NnYyTtFfOo0123456789+-.eE<>:;!?@#$%^&*()_=[]{}|\\\'"`,/ \tabcxzABCXZé日😀';
    const count = newCount();
    for (let i = 0; i < 800; i++) {
      let s = '';
      for (let n = r.int(1, 6); n > 0; n--) s += r.pick([...chars]);
      for (const text of [`v: ${s}\n`, `${s}: k\n`, `- ${s}\n`, `[${s}]\n`, `v: '${s}'\n`, `v: "${s}"\n`]) assertSameTrees(text, JSON.stringify(text), count);
    }
    assert.ok(count.cst >= count.document, `CST path taken for ${count.cst} of ${count.cst + count.document} texts`);
  });

  it('deep nesting, alias chains and cycles around the limits', () => {
    const texts = [
      `${'- '.repeat(5)}x\n`,
      `a: &a [*a]\n`,
      `a: &a {b: *a}\n`,
      `a: &a\n  b: *a\n`,
      `a: &a [1, 2]\nb: [*a, *a, *a, *a]\nc: *a\n`,
      `a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc:\n  <<: [*b, *a]\n  x: 3\n`,
      `a: &x 1\nb: &x 2\nc: *x\n`,
      `a: &x {b: &x 1, c: *x}\nd: *x\n`,
      `- &a\n- *a\n- &b ~\n- *b\n`,
      `a: *nowhere\nb: &nowhere 1\n`,
      `<<: {a: 1}\na: 2\n"<<": 3\n'<<': 4\n`,
      `a: 1\na: 2\n1: x\n0x1: y\n`,
      `{a: 1, a: 2, <<: {b: 3}}\n`,
      `? a\n: b\n`,
      `a: !!str 1\n`,
    ];
    for (const [i, t] of texts.entries()) assertSameTrees(t, `case ${i}`);
    // Nesting that reaches the default limit (200) and beyond.
    for (const n of [150, 199, 200, 201, 260]) {
      assertSameTrees(`${'- '.repeat(n)}x\n`, `${n} nested sequences`);
      assertSameTrees(`${Array.from({ length: n }, (_, d) => `${' '.repeat(d)}k:`).join('\n')} v\n`, `${n} nested maps`);
      assertSameTrees(`${'['.repeat(n)}${']'.repeat(n)}\n`, `${n} nested flow sequences`);
    }
  });
});
