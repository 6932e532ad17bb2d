/**
 * Issue 19: zh-cn text follows the glossary (l10n/glossary.zh-cn.json, copied from shared/glossary-zh-cn.md)
 * and uses Chinese punctuation in Chinese sentences, in every translation (l10n/parts, package.nls).
 * surfaces.test.ts checks the same on everything a zh-cn user sees.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstUseViolations, glossary, glossaryViolations, punctuationViolations, report, zhTranslations } from './zhText';


describe('zh-cn glossary and punctuation (issue 19)', () => {
  it('the checks catch what they should and let code through (self-check)', () => {
    assert.deepEqual(glossaryViolations('初始化容器与 init 容器'), ['初始化容器 (use Init 容器)', 'init 容器 (use Init 容器)']);
    assert.equal(glossaryViolations('Init 容器与边车容器').length, 0);
    assert.equal(glossaryViolations('边车运行').length, 1);
    assert.equal(glossaryViolations('liveness 探针失败').length, 1);
    assert.equal(glossaryViolations('Pod 处于 Pending（挂起）').length, 0);
    assert.equal(glossaryViolations('应用挂起').length, 1);
    assert.ok(glossary().length >= 20);
    assert.deepEqual(firstUseViolations('QoS 类为 Burstable'), ['QoS 类 before 服务质量（QoS）类 (first use)']);
    assert.deepEqual(firstUseViolations('服务质量（QoS）类为 Burstable；QoS 类在节点内存不足时才起作用'), []);
    assert.deepEqual(firstUseViolations('QoS 类与服务质量（QoS）类'), ['QoS 类 before 服务质量（QoS）类 (first use)']);
    assert.equal(punctuationViolations('容器 "app" 没有限制').length, 2);
    assert.equal(punctuationViolations('没有限制, 请设置').length, 1);
    assert.equal(punctuationViolations('{0}: sleep 动作需要 1.30').length, 1);
    assert.equal(punctuationViolations('容器 (app) 没有').length, 2);
    assert.equal(punctuationViolations('特性门控默认关闭。 该规则被移除。').length, 1);
    assert.deepEqual(punctuationViolations('{0}.image: Invalid value: "x": must be non-negative (5)。请设置 restartPolicy: Always。'), []);
    assert.deepEqual(punctuationViolations('卡死 → 杀死（(failureThreshold − 1) × max(periodSeconds, timeoutSeconds)，再加）'), []);
    assert.deepEqual(punctuationViolations('例如 ["cat", "/tmp/healthy"]，或 `a: b` 与 https://x.io/a,b'), []);
  });

  it('no zh-cn translation uses a word the glossary rules out', () => {
    assert.deepEqual(report(zhTranslations(), glossaryViolations), []);
  });

  it('a zh-cn translation names the QoS class in full (服务质量（QoS）类) before it uses the short form', () => {
    assert.deepEqual(report(zhTranslations(), firstUseViolations), []);
  });

  it('no zh-cn translation puts ASCII punctuation in a Chinese sentence', () => {
    assert.deepEqual(report(zhTranslations(), punctuationViolations), []);
  });
});
