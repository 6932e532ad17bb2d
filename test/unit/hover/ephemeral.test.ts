import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

const DEBUG = WEB.replace('  containers:\n', '  ephemeralContainers:\n    - name: debugger\n      image: busybox:1.36\n      resources:\n        requests: { cpu: 1 }\n      readinessProbe:\n        exec: { command: [true] }\n  containers:\n');

describe('ephemeral container hovers', () => {
  it('the list and each container: added for debugging, never restarted, no resources or probes', () => {
    const list = md(caret(DEBUG, 'ephemeralContainers'));
    assert.match(list, /^### Ephemeral containers\n/);
    const m = md(caret(DEBUG, 'debugger'));
    assert.match(m, /^### Ephemeral container `debugger`/);
    assert.match(m, /through the ephemeralcontainers subresource; they cannot be set when the pod is created/);
    assert.match(m, /Never restarted/);
    assert.match(m, /do not count toward effective requests or QoS/);
  });

  it('their resources and probes are rejected, and they do not change the pod\'s requests', () => {
    assert.match(md(caret(DEBUG, 'resources', 3)), /Ephemeral containers cannot set resources/);
    assert.match(md(caret(DEBUG, 'readinessProbe', 1)), /Ephemeral containers cannot have probes/);
    // The pod total is unchanged by the ephemeral container's cpu: 1.
    assert.match(md(caret(DEBUG, 'resources', 4)), /cpu request: max\(init peak 600m \(`migrate`\), steady 400m\) \+ overhead 10m = \*\*610m\*\*/);
  });
});
