import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { covered, md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

describe('emptyDir hover', () => {
  it('disk-backed sizeLimit: not a quota, the pod is evicted beyond it', () => {
    const marked = caret(WEB, 'sizeLimit');
    assert.equal(covered(marked), 'sizeLimit');
    const m = md(marked);
    assert.match(m, /^### emptyDir `scratch`/);
    assert.match(m, /sizeLimit 1Gi: not a quota\. Writes are not blocked; the kubelet evicts the whole pod/);
    assert.match(m, /a container restart keeps it/);
  });

  it('the canonical quantity is shown (1024Mi is 1Gi)', () => {
    assert.match(md(caret(WEB.replace('sizeLimit: 1Gi', 'sizeLimit: 1024Mi'), 'sizeLimit')), /sizeLimit 1Gi:/);
  });

  it('medium Memory: a tmpfs that counts as memory; its size is the limit', () => {
    const pod = WEB.replace('        sizeLimit: 1Gi\n', '        medium: Memory\n        sizeLimit: 256Mi\n');
    const m = md(caret(pod, 'emptyDir'));
    assert.match(m, /medium: Memory: a tmpfs in RAM\. Its files count as memory of the containers that write them/);
    assert.match(m, /sizeLimit 256Mi: the tmpfs is at most this big/);
  });

  it('without sizeLimit', () => {
    const pod = WEB.replace('      emptyDir:\n        sizeLimit: 1Gi\n', '      emptyDir: {}\n');
    assert.match(md(caret(pod, 'emptyDir')), /No sizeLimit: it can fill the node's disk/);
    const mem = WEB.replace('        sizeLimit: 1Gi\n', '        medium: Memory\n');
    assert.match(md(caret(mem, 'emptyDir')), /No sizeLimit: the tmpfs can grow up to the pod's memory limit/);
  });
});
