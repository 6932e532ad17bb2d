import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

describe('readinessGates hover', () => {
  it('lists the conditions; the kubelet never sets them', () => {
    const marked = caret(WEB, 'readinessGates');
    assert.equal(covered(marked), 'readinessGates');
    const m = md(marked);
    assert.match(m, /^### Readiness gates \(1\)/);
    assert.match(m, /every one of these conditions is True: `example\.com\/lb-ready`\./);
    assert.match(m, /The kubelet never sets them/);
    assert.match(m, /a new pod only counts as available once the gates are True/);
  });

  it('several gates, in order; hovering a conditionType value works too', () => {
    const pod = WEB.replace('    - conditionType: example.com/lb-ready\n', '    - conditionType: example.com/lb-ready\n    - conditionType: example.com/mesh\n');
    const m = md(caret(pod, 'example.com/mesh'));
    assert.match(m, /^### Readiness gates \(2\)/);
    assert.match(m, /`example\.com\/lb-ready`, `example\.com\/mesh`\./);
  });
});
