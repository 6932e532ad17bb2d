import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { innermostPod } from '../../server/src/analysis/innermostPod';
import { analyzeYaml } from './helpers';

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: first }
    spec:
      containers: [{ name: a, image: x:1 }]
  - apiVersion: v1
    kind: Pod
    metadata: { name: second }
    spec:
      restartPolicy: Never
      containers: [{ name: b, image: x:1 }]
`;

describe('one pod-at-offset rule for hovers and requests', () => {
  const span = (s: { start: number; end: number }) => s;
  it('picks the innermost pod that contains the offset', () => {
    const outer = { start: 0, end: 100 };
    const inner = { start: 10, end: 20 };
    assert.equal(innermostPod([outer, inner], span, 15), inner);
    assert.equal(innermostPod([inner, outer], span, 15), inner);
    assert.equal(innermostPod([outer, inner], span, 50), outer);
    assert.equal(innermostPod([outer, inner], span, 101), undefined);
  });
  it('gives the later pod where one ends and the next begins', () => {
    const a = { start: 0, end: 10 };
    const b = { start: 10, end: 20 };
    assert.equal(innermostPod([a, b], span, 10), b);
  });
  it('hover and podLens/analysis name the same pod of a List', () => {
    const { service, doc } = analyzeYaml(LIST);
    for (const [line, name] of [[5, 'first'], [7, 'first'], [10, 'second'], [13, 'second']] as const) {
      const position = { line, character: 6 };
      const pods = service.analysis(doc, {}, { position }).pods;
      assert.equal(pods.length, 1, `line ${line}`);
      assert.equal(pods[0]!.name, name, `analysis at line ${line}`);
    }
    assert.match(service.hover(doc, {}, { line: 7, character: 8 })?.markdown ?? '', /restartPolicy Always/);
    assert.match(service.hover(doc, {}, { line: 13, character: 8 })?.markdown ?? '', /restartPolicy Never/);
  });
});
