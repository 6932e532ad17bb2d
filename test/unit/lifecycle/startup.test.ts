import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { probeTimingFrom, timeToReady, timeToStarted } from '../../../server/src/analysis/timing';
import { box, eventsOf, FAST, podYaml, sim } from './helpers';
import { simulate } from '../../../server/src/analysis/lifecycle/index';
import { createPodService } from '../../../server/src/service/index';
import { WEB } from '../hover/fixtures';

const ORDERED = podYaml(`
  initContainers:
    - name: one
      image: x:1
    - name: two
      image: x:1
  containers:
    - name: a
      image: x:1
    - name: b
      image: x:1
`);

describe('lifecycle: start order', () => {
  it('runs init containers one after another, then the app containers, with conditions and phases in order', () => {
    const t = sim(ORDERED);
    const one = box(t, 'one');
    const two = box(t, 'two');
    // scheduled 1, sandbox 3, one: start 3..4, runs 10 s -> exits at 14; two: 14..15 -> exits at 25.
    assert.equal(one.finishedAt, 14);
    assert.equal(two.finishedAt, 25);
    assert.deepEqual(eventsOf(t, 'two', 'containerStarted').slice(0, 1), [15]);
    // Every container that ran has startedAt, init containers too (issue 14: they had null).
    assert.equal(one.startedAt, 4);
    assert.equal(two.startedAt, 15);
    const cond = Object.fromEntries(t.conditions.map((c) => [c.type, c.at]));
    // PodReadyToStartContainers at the sandbox (3): GeneratePodReadyToStartContainersCondition, K: pkg/kubelet/status/generate.go.
    assert.deepEqual(cond, { PodScheduled: 1, PodReadyToStartContainers: 3, Initialized: 25, ContainersReady: 27, Ready: 27 });
    // The kubelet starts a and b one after another in the same sync: a 25..26, b 26..27.
    assert.equal(box(t, 'a').startedAt, 26);
    assert.equal(box(t, 'b').startedAt, 27);
    assert.equal(t.readyAt, 27);
    assert.deepEqual(t.phases.map((p) => p.phase), ['Pending', 'Running']);
    assert.equal(t.phases[1]!.from, 27);
  });

  it('a postStart hook delays the next container of the same sync', () => {
    const t = sim(podYaml(`
  containers:
    - name: a
      image: x:1
      lifecycle: { postStart: { exec: { command: ["sleep", "4"] } } }
    - name: b
      image: x:1
`));
    assert.equal(box(t, 'a').startedAt, 8); // sandbox 3, process 4, hook until 8
    assert.equal(box(t, 'b').startedAt, 9);
  });

  it('gates the next init container on a sidecar being started (postStart), not ready', () => {
    const t = sim(podYaml(`
  initContainers:
    - name: side
      image: x:1
      restartPolicy: Always
      lifecycle: { postStart: { exec: { command: ["sleep", "2"] } } }
      readinessProbe: { tcpSocket: { port: 1 }, initialDelaySeconds: 50 }
    - name: next
      image: x:1
  containers:
    - name: app
      image: x:1
`));
    assert.equal(box(t, 'side').startedAt, 6); // 3 + 1 start + 2 hook
    assert.deepEqual(eventsOf(t, 'next', 'containerStarted'), [7]);
    // The sidecar's readiness counts for the pod's Ready condition: 4 + 50.
    assert.equal(box(t, 'side').readyAt, 54);
    assert.equal(t.readyAt, 54);
  });

  it('gates the next init container on the sidecar startupProbe succeeding', () => {
    const t = sim(podYaml(`
  initContainers:
    - name: side
      image: x:1
      restartPolicy: Always
      startupProbe: { httpGet: { port: 1 }, initialDelaySeconds: 10, periodSeconds: 5 }
    - name: next
      image: x:1
  containers:
    - name: app
      image: x:1
`));
    // process starts at 4; first startup tick at 4 + 10 = 14 succeeds.
    assert.equal(box(t, 'side').startedAt, 14);
    assert.deepEqual(eventsOf(t, 'next', 'containerStarted'), [15]);
    assert.equal(14 - 4, timeToStarted(probeTimingFrom({ initialDelaySeconds: 10, periodSeconds: 5 })).earliest);
  });

  it('readiness timing agrees with timing.ts (best and worst tick phase)', () => {
    const yaml = podYaml(`
  containers:
    - name: app
      image: x:1
      startupProbe: { exec: { command: [x] }, initialDelaySeconds: 3, periodSeconds: 2 }
      readinessProbe: { exec: { command: [x] }, initialDelaySeconds: 7, periodSeconds: 4, successThreshold: 2 }
`);
    const w = timeToReady({
      startup: probeTimingFrom({ initialDelaySeconds: 3, periodSeconds: 2 }),
      readiness: probeTimingFrom({ initialDelaySeconds: 7, periodSeconds: 4, successThreshold: 2 }),
    });
    const processStart = 4;
    const best = sim(yaml);
    assert.equal(box(best, 'app').readyAt! - processStart, w.earliest); // 7 + 4 = 11
    assert.equal(w.earliest, 11);
    const worst = sim(yaml, undefined, { ...FAST, probePhase: 'worst' });
    assert.equal(box(worst, 'app').readyAt! - processStart, w.latest);
    assert.deepEqual(best.figures.timeToReady, { best: processStart + w.earliest, worst: processStart + w.latest });
  });

  it('a slow app under a short startup budget is killed and restarted in a loop', () => {
    const t = sim(podYaml(`
  containers:
    - name: app
      image: x:1
      startupProbe: { httpGet: { port: 1 }, periodSeconds: 1, failureThreshold: 3 }
`), undefined, { ...FAST, appStartSeconds: 20, horizon: 200 });
    const app = box(t, 'app');
    assert.ok(app.restarts >= 2, `restarts ${app.restarts}`);
    assert.equal(app.readyAt, null);
    assert.equal(t.readyAt, null);
    assert.ok(app.events.some((e) => e.kind === 'killed'));
    assert.equal(t.figures.startupBudget[0]!.seconds, 3);
  });
});

describe('lifecycle: startedAt of init containers (issue 14)', () => {
  it('the bundled hover example: wait-db runs from 9 s with the default assumptions, and every container that started has startedAt', () => {
    const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
    const file = service.analyze({ uri: 'test://web-hover.yaml', version: 1, text: WEB });
    const t = simulate(file.pods[0]!.analysis, undefined, undefined);
    assert.equal(box(t, 'wait-db').startedAt, 9);
    for (const c of t.containers) {
      if (c.events.some((e) => e.kind === 'containerStarted')) assert.notEqual(c.startedAt, null, c.name);
    }
  });
});
