import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, asWorkload, caret } from './fixtures';

function rows(m: string): string[][] {
  return m.split('\n').filter((l) => /^\| `node/.test(l)).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
}

describe('tolerations hover', () => {
  it('the pod\'s own unreachable toleration, the 300 s default for not-ready', () => {
    const marked = caret(WEB, 'tolerations');
    assert.equal(covered(marked), 'tolerations');
    const m = md(marked);
    assert.deepEqual(rows(m), [
      ['`node.kubernetes.io/not-ready`', '5 min', 'default, added at admission'],
      ['`node.kubernetes.io/unreachable`', '60 s', 'this pod\'s toleration'],
    ]);
    assert.match(m, /DefaultTolerationSeconds admission plugin adds both tolerations with tolerationSeconds 300/);
  });

  it('Exists without key and effect tolerates everything forever', () => {
    const pod = WEB.replace(/  tolerations:\n(    .*\n|      .*\n)+/, '  tolerations:\n    - operator: Exists\n');
    assert.deepEqual(rows(md(caret(pod, 'tolerations'))), [
      ['`node.kubernetes.io/not-ready`', 'never evicted', 'this pod\'s toleration'],
      ['`node.kubernetes.io/unreachable`', 'never evicted', 'this pod\'s toleration'],
    ]);
  });

  it('a NoSchedule toleration does not stop the defaults', () => {
    const pod = WEB.replace('      effect: NoExecute\n      tolerationSeconds: 60\n', '      effect: NoSchedule\n');
    assert.deepEqual(rows(md(caret(pod, 'tolerations'))).map((r) => r[1]), ['5 min', '5 min']);
  });

  it('a toleration with a value matches no node taint but still suppresses the default: evicted at once', () => {
    // plugin/pkg/admission/defaulttolerationseconds only looks at key and effect.
    const pod = WEB.replace('      operator: Exists\n      effect: NoExecute\n      tolerationSeconds: 60\n', '      operator: Equal\n      value: "yes"\n      effect: NoExecute\n      tolerationSeconds: 60\n');
    assert.deepEqual(rows(md(caret(pod, 'tolerations'))).map((r) => r[1]), ['5 min', '0 s']);
  });

  it('DaemonSet pods are never evicted from a failed node', () => {
    const ds = asWorkload('DaemonSet', WEB.replace(/  tolerations:\n(    .*\n|      .*\n)+/, '  tolerations:\n    - key: example.com/gpu\n      operator: Exists\n'));
    assert.deepEqual(rows(md(caret(ds, 'tolerations'))), [
      ['`node.kubernetes.io/not-ready`', 'never evicted', 'added by the DaemonSet controller'],
      ['`node.kubernetes.io/unreachable`', 'never evicted', 'added by the DaemonSet controller'],
    ]);
  });
});
