/**
 * Issue 19: what a zh-cn user sees is Chinese. The golden snapshots (test/golden/snapshots/*.zh-cn.json,
 * kept equal to the real output by test/golden/golden.test.ts) hold every surface rendered in zh-cn over
 * the whole corpus: the CLI's text, JSON and SARIF, `simulate` JSON and SVG, and the server's diagnostics,
 * hovers, code lenses, quick fixes and custom requests. Every text in them follows the glossary, uses
 * Chinese punctuation, and has no English word except:
 * - what the user wrote (every word of the YAML inputs: names, images, field names, values);
 * - Kubernetes' own names (test/unit/l10n/kubernetesWords.json, generated from the Kubernetes source:
 *   API field names, kinds and enum values, kubelet reasons), feature gates (model/version.ts) and rule codes;
 * - the API server's own English wording, which Pod Lens quotes before its Chinese explanation;
 * - the names of programs, protocols, signals and units below (TECHNICAL).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedWords, strayEnglish } from './englishWords';
import { firstUseViolations, glossaryViolations, punctuationViolations, report, snapshotTexts } from './zhText';

describe('zh-cn surfaces (issue 19)', () => {
  const allowed = allowedWords();

  it('the English check lets through names and API wording, and catches prose (self-check)', () => {
    assert.deepEqual(strayEnglish('容器“web”的 restartPolicy 为 Always（SIGTERM 后 2 秒）', allowed), []);
    assert.deepEqual(strayEnglish('spec.containers[0].image: Required value。没有镜像', allowed), []);
    assert.deepEqual(strayEnglish('Scenario: happy', allowed), ['Scenario', 'happy']);
    assert.deepEqual(strayEnglish('Enable the feature gate。请设置', allowed), ['Enable', 'the', 'feature', 'gate']);
  });

  for (const kind of ['cli', 'server'] as const) {
    it(`the zh-cn ${kind} output follows the glossary and uses Chinese punctuation`, () => {
      const texts = snapshotTexts(kind);
      assert.ok(texts.length > 1000, `the ${kind} snapshot holds text`);
      assert.deepEqual(report(texts, glossaryViolations), []);
      assert.deepEqual(report(texts, punctuationViolations), []);
      assert.deepEqual(report(texts, firstUseViolations), []);
    });

    it(`the zh-cn ${kind} output has no English beyond names, values and the API server's wording`, () => {
      const stray = new Map<string, string>();
      for (const [where, text] of snapshotTexts(kind)) {
        for (const w of strayEnglish(text, allowed)) if (!stray.has(w)) stray.set(w, `${where}: ${text.slice(0, 160)}`);
      }
      assert.deepEqual([...stray].map(([w, example]) => `${w} — ${example}`), []);
    });
  }
});
