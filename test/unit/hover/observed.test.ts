/**
 * Hovers on an observed pod (kubectl get pod -o yaml): the status fields explain themselves, and the spec
 * field behind an observed effect mentions it after its own hover.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARET, hoverAtCaret, md } from './hoverHelpers';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/observed');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** The fixture with the caret put before the n-th (0-based) occurrence of `needle`. */
function at(text: string, needle: string, n = 0): string {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`no ${needle}`);
  return text.slice(0, i) + CARET + text.slice(i);
}

describe('hover on an observed pod', () => {
  const CRASH = fixture('crashloop-oom.yaml');

  it('a container status: state, cause, back-off, next restart, memory limit, and why', () => {
    const h = md(at(CRASH, 'restartCount: 5'));
    assert.match(h, /### Observed app container `app`/);
    assert.match(h, /Cause: `oom-killed`/);
    assert.match(h, /Back-off now: 160 s/);
    assert.match(h, /Next restart due at 2026-12-04T10:23:20Z/);
    assert.match(h, /Memory limit: 256Mi/);
    assert.match(h, /OOMKilled: it used more than its memory limit of 256Mi/);
  });

  it('a condition: who sets it and what it means for Services and rollouts', () => {
    const h = md(at(CRASH, 'type: Ready'));
    assert.match(h, /### Condition Ready: False/);
    assert.match(h, /Services take it out of their endpoints/);
    assert.match(h, /Since 2026-12-04T10:20:41Z/);
  });

  it('the status key: the phase and what is wrong', () => {
    const h = md(at(CRASH, 'status:\n  conditions'));
    assert.match(h, /### Observed pod `web-7d4b9c-x2x5k`/);
    assert.match(h, /^Running: bound to a node/m);
  });

  it('the memory limit the OOM kill hit mentions the observed effect after its own hover', () => {
    const h = md(at(CRASH, 'memory: 256Mi'));
    assert.match(h, /### resources of `app`/);
    assert.match(h, /\*\*Observed: app was OOMKilled at this limit \(256Mi\), 5 restart\(s\)\.\*\*$/);
  });

  it('the probe that probably killed, the deletion in progress, the image that cannot be pulled', () => {
    assert.match(md(at(fixture('liveness-kill.yaml'), 'livenessProbe')), /Observed: cache was probably killed by this probe \(exit 137\)/);
    assert.match(md(at(fixture('deleting.yaml'), 'deletionTimestamp:')), /### Deletion in progress[\s\S]*2026-12-04T12:00:30Z is killed with SIGKILL/);
    assert.match(md(at(fixture('image-pull.yaml'), 'image: registry.example.com/api:1.9.9-typo')), /Observed: this image could not be pulled \(ImagePullBackOff\)/);
  });

  it('a pod without status gets no observed note', () => {
    const plain = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - { name: app, image: "x:1", resources: { limits: { memory: 64Mi } } }\n';
    const h = hoverAtCaret(at(plain, 'memory: 64Mi'));
    assert.ok(h && !/Observed/.test(h.markdown));
  });
});
