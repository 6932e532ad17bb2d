/** The code lens above an observed pod: its diagnosis against the service's clock, never cached stale. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPodService } from '../../../server/src/service/index';
import { fixture } from './helpers';

describe('code lens on an observed pod', () => {
  it('says what is wrong and counts down to the next restart', () => {
    let now = Date.parse('2026-12-04T10:20:40Z');
    const service = createPodService({ log: (m) => { throw new Error(m); }, now: () => now });
    const doc = { uri: 'test://crash.yaml', version: 1, text: fixture('crashloop-oom.yaml') };
    const lenses = service.codeLenses(doc, {});
    assert.equal(lenses.length, 3, 'the observed lens, then the two of every pod spec');
    assert.equal(lenses[0]!.title, 'CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart in 2m40s');
    assert.equal(lenses[0]!.range.start.line, lenses[1]!.range.start.line, 'on the kind line, like the pod\'s other lenses');
    now += 100_000;
    assert.equal(service.codeLensAt(doc, {}, 0)!.title, 'CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart in 1m0s');
    now += 3_600_000;
    assert.match(service.codeLenses(doc, {})[0]!.title, /next restart was due at 2026-12-04T10:23:20Z, 59m0s ago$/);
  });

  it('one lens per pod of a List; a pod without a spec gets a lens without a command', () => {
    const service = createPodService({ now: () => 0 });
    const list = service.codeLenses({ uri: 'test://list.yaml', version: 1, text: fixture('image-pull.yaml') }, {});
    assert.deepEqual(list.filter((l) => l.timed).map((l) => l.title), ['ImagePullBackOff: api', 'ErrImagePull: api']);
    const bare = service.codeLenses({ uri: 'test://bare.yaml', version: 1, text: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nstatus: { phase: Running }\n' }, {});
    assert.equal(bare.length, 1);
    assert.equal(bare[0]!.command, '');
  });

  it('a plain spec has no observed lens', () => {
    const service = createPodService();
    const lenses = service.codeLenses({ uri: 'test://p.yaml', version: 1, text: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: "x:1" }] }\n' }, {});
    assert.ok(lenses.every((l) => !l.timed));
  });
});
