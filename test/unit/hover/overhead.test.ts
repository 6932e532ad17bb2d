import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

describe('overhead hover', () => {
  it('added to requests, and to limits where a limit is set', () => {
    const marked = caret(WEB, 'overhead');
    assert.equal(covered(marked), 'overhead');
    const m = md(marked);
    assert.match(m, /^### Pod overhead/);
    assert.match(m, /added to the pod's requests, and to its limits where a limit is set/);
    assert.match(m, /\| cpu +\| +10m \| +610m \| +1010m \|/);
    // memory has no overhead: not in the table, and its formula line has no "+ overhead".
    assert.doesNotMatch(m, /\| memory +\| +\d/);
    assert.match(m, /memory request: max\(init peak 192Mi \(`migrate`\), steady 352Mi\) = \*\*352Mi\*\*/);
  });

  it('the cpu value key hovers the same topic', () => {
    assert.match(md(caret(WEB, 'cpu: 10m', 0, 6)), /^### Pod overhead/);
  });
});
