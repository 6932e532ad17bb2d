import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKOFF_DEFAULTS, hangToAction, nextRestart, probeTimingFrom, restartDelay } from '../../../server/src/analysis/timing';
import type { BackoffState } from '../../../server/src/analysis/timing';
import { box, eventsOf, FAST, podYaml, sim } from './helpers';

const APP = (policy: string) => podYaml(`
  restartPolicy: ${policy}
  containers:
    - name: app
      image: x:1
`);

describe('lifecycle: restarts and back-off', () => {
  it('nextRestart reproduces restartDelay for a container that crashes at once, and resets after 10 minutes', () => {
    let st: BackoffState | undefined;
    let t = 0;
    const waits: number[] = [];
    for (let n = 1; n <= 9; n++) {
      const r = nextRestart(st, t);
      waits.push(r.waited);
      assert.equal(r.waited, restartDelay(n));
      st = r.state;
      t = r.at;
    }
    assert.deepEqual(waits, [0, 10, 20, 40, 80, 160, 300, 300, 300]);
    const stable = nextRestart(st, t + BACKOFF_DEFAULTS.resetAfterSeconds + 1);
    assert.equal(stable.waited, 0);
    assert.equal(stable.state.delay, BACKOFF_DEFAULTS.initialSeconds);
  });

  it('restartPolicy Always: an exit is restarted with the back-off sequence (CrashLoopBackOff)', () => {
    const t = sim(APP('Always'), { kind: 'exit', container: 'app', exitCode: 1, at: 4 }, { ...FAST, horizon: 400 });
    const app = box(t, 'app');
    const exits = eventsOf(t, 'app', 'exited');
    const restarts = eventsOf(t, 'app', 'restart');
    assert.ok(restarts.length >= 5);
    const waits = restarts.slice(0, 5).map((r, i) => r - exits[i]!);
    assert.deepEqual(waits, [0, 10, 20, 40, 80]);
    assert.ok(app.segments.some((s) => s.state === 'backoff' && s.reason === 'CrashLoopBackOff'));
    assert.equal(t.phases[t.phases.length - 1]!.phase, 'Running');
  });

  it('back-off resets when each run lasts more than 10 minutes', () => {
    const t = sim(APP('Always'), { kind: 'exit', container: 'app', exitCode: 1, at: 704 }, { ...FAST, horizon: 3000 });
    const exits = eventsOf(t, 'app', 'exited');
    const restarts = eventsOf(t, 'app', 'restart');
    assert.ok(restarts.length >= 3);
    restarts.slice(0, 3).forEach((r, i) => assert.equal(r, exits[i]));
    assert.equal(box(t, 'app').events.filter((e) => e.kind === 'backoff').length, 0);
  });

  it('OnFailure: exit 0 completes the pod (Succeeded), exit 1 restarts', () => {
    const ok = sim(APP('OnFailure'), { kind: 'exit', container: 'app', exitCode: 0, at: 20 });
    assert.equal(box(ok, 'app').restarts, 0);
    assert.equal(box(ok, 'app').finishedAt, 20);
    assert.equal(ok.phases[ok.phases.length - 1]!.phase, 'Succeeded');
    const bad = sim(APP('OnFailure'), { kind: 'exit', container: 'app', exitCode: 1, at: 20 }, { ...FAST, horizon: 60 });
    assert.ok(box(bad, 'app').restarts >= 1);
  });

  it('Never: a failing container is not restarted and the pod fails', () => {
    const t = sim(APP('Never'), { kind: 'exit', container: 'app', exitCode: 3, at: 20 });
    assert.equal(box(t, 'app').restarts, 0);
    assert.equal(box(t, 'app').exitCode, 3);
    assert.equal(t.phases[t.phases.length - 1]!.phase, 'Failed');
  });

  it('a failing init container is retried under Always (the pod stays Pending) and fails the pod under Never', () => {
    const yaml = (p: string) => podYaml(`
  restartPolicy: ${p}
  initContainers:
    - name: init
      image: x:1
  containers:
    - name: app
      image: x:1
`);
    const always = sim(yaml('Always'), { kind: 'exit', container: 'init', exitCode: 1, at: 5 }, { ...FAST, horizon: 120 });
    assert.ok(box(always, 'init').restarts >= 2);
    assert.equal(box(always, 'app').startedAt, null);
    assert.deepEqual(always.phases.map((p) => p.phase), ['Pending']);
    const never = sim(yaml('Never'), { kind: 'exit', container: 'init', exitCode: 1, at: 5 });
    assert.equal(box(never, 'init').restarts, 0);
    assert.equal(never.phases[never.phases.length - 1]!.phase, 'Failed');
    assert.equal(box(never, 'app').startedAt, null);
  });

  it('a sidecar always restarts, even with restartPolicy Never', () => {
    const t = sim(podYaml(`
  restartPolicy: Never
  initContainers:
    - name: side
      image: x:1
      restartPolicy: Always
  containers:
    - name: app
      image: x:1
`), { kind: 'exit', container: 'side', exitCode: 0, at: 30 }, { ...FAST, horizon: 60 });
    assert.ok(box(t, 'side').restarts >= 1);
  });

  it('a liveness hang kills within hangToAction of timing.ts, then restarts', () => {
    const t = sim(podYaml(`
  containers:
    - name: app
      image: x:1
      livenessProbe: { httpGet: { port: 1 }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }
`), { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 57 }, { ...FAST, horizon: 200 });
    const kill = eventsOf(t, 'app', 'killed')[0]!;
    const w = hangToAction(probeTimingFrom({ periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }));
    assert.ok(kill - 57 >= w.earliest && kill - 57 <= w.latest, `${kill - 57} not in ${w.earliest}..${w.latest}`);
    // ticks at 4, 14, ... 64: fails at 66, 76, 86 -> kill at 86
    assert.equal(kill, 86);
    assert.ok(box(t, 'app').restarts >= 1);
    const f = t.figures.hangToRestart.find((x) => x.probe === 'liveness')!;
    assert.deepEqual(f.hangToAction, { best: w.earliest, worst: w.latest + 30 });
  });

  it('a readiness failure only takes the pod out of Ready', () => {
    const t = sim(podYaml(`
  containers:
    - name: app
      image: x:1
      readinessProbe: { httpGet: { port: 1 }, periodSeconds: 5, failureThreshold: 2 }
`), { kind: 'probeFailure', container: 'app', probe: 'readiness', at: 30 }, { ...FAST, horizon: 120 });
    const ready = t.conditions.find((c) => c.type === 'Ready')!;
    assert.equal(ready.at, 4);
    assert.equal(ready.lostAt, 40); // ticks 34 and 39 fail after 1 s timeouts: 35, 40
    assert.equal(box(t, 'app').restarts, 0);
  });
});

describe('lifecycle: conditions over restarts', () => {
  it('a pod whose liveness probe keeps failing is Ready again after each restart, and the Ready stretches say so', () => {
    const yaml = podYaml(`
  containers:
    - name: app
      image: x:1
      readinessProbe: { httpGet: { path: /ready, port: 8080 }, periodSeconds: 5 }
      livenessProbe: { httpGet: { path: /live, port: 8080 }, periodSeconds: 10, failureThreshold: 3 }
`);
    const t = sim(yaml, { kind: 'probeFailure', container: 'app', probe: 'liveness', at: 30 }, { ...FAST, horizon: 600 });
    const ready = t.conditions.find((c) => c.type === 'Ready')!;
    assert.ok(ready.intervals.length >= 2, JSON.stringify(ready));
    assert.equal(ready.intervals[0]!.from, ready.at);
    assert.equal(ready.intervals[0]!.to, ready.lostAt);
    for (let i = 1; i < ready.intervals.length; i++) assert.ok(ready.intervals[i]!.from > ready.intervals[i - 1]!.to!);
    const restarts = eventsOf(t, 'app', 'restart');
    assert.ok(restarts.length >= 1);
    assert.ok(ready.intervals[1]!.from > restarts[0]!, 'Ready again only after the restart');
  });
});
