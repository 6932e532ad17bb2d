/**
 * The numbers a hover shows and the lifecycle simulator's (the panel's) come from the same model
 * (timing.ts) and must agree: time to started/Ready per container, hang -> kill, startup budget,
 * SIGKILL deadlines and worst-case termination. Hovers go through the real service; the simulator
 * through createPodService().lifecycle(), with the hover's assumption (the app answers at once).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPodService } from '../../../server/src/service/index';
import type { LifecycleTimeline } from '../../../server/src/protocol/lifecycle';
import { md } from './hoverHelpers';
import { WEB, caret } from './fixtures';

/** Hover assumptions: no pulls, the app answers at once; SIGTERM is ignored (the worst case). */
const ASM = { schedulingSeconds: 1, sandboxSeconds: 2, imagePullSeconds: 0, containerStartSeconds: 1, appStartSeconds: 0, hookSeconds: 1, shutdownSeconds: 1e6, runToCompletionSeconds: 10 };

let n = 0;
function panel(yaml: string, scenario: unknown = { kind: 'happy' }, extra: Record<string, unknown> = {}): LifecycleTimeline {
  const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
  const t = service.lifecycle({ uri: `test://agree-${n++}.yaml`, version: 1, text: yaml }, {}, { pod: 0, scenario, assumptions: { ...ASM, ...extra } });
  assert.ok(t, 'no timeline');
  return t;
}

/** "4 min 51 s" / "45 s" / "2 min" -> seconds. */
function seconds(text: string): number {
  const m = /^(?:(\d+) min)? ?(?:(\d+(?:\.\d+)?) s)?$/.exec(text.trim());
  assert.ok(m && (m[1] || m[2]), `not a duration: "${text}"`);
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

/** "15 s – 30 s" or "45 s" -> [earliest, latest]. */
function window(text: string): [number, number] {
  const [a, b] = text.split(' – ');
  return [seconds(a!), seconds(b ?? a!)];
}

/** The value cell of the table row whose first cell starts with `label`. */
function cell(markdown: string, label: string): string {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label}`));
  assert.ok(line, `no row "${label}" in:\n${markdown}`);
  const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
  return cells[cells.length - 1]!;
}

function at(t: LifecycleTimeline, container: string, kind: string, nth = 0): number {
  const c = t.containers.find((x) => x.name === container);
  assert.ok(c, `no container ${container}`);
  const e = c.events.filter((x) => x.kind === kind)[nth];
  assert.ok(e, `${container} has no ${kind} event #${nth}: ${JSON.stringify(c.events.map((x) => [x.kind, x.at]))}`);
  return e.at;
}

function figure(t: LifecycleTimeline, container: string, probe: string) {
  const f = t.figures.hangToRestart.find((x) => x.container === container && x.probe === probe);
  assert.ok(f, `no figure ${container}/${probe}`);
  return f.hangToAction;
}

/** Both probe-tick phases of the happy path. */
function phases(yaml: string): { best: LifecycleTimeline; worst: LifecycleTimeline } {
  return { best: panel(yaml, undefined, { probePhase: 'best' }), worst: panel(yaml, undefined, { probePhase: 'worst' }) };
}

const MESH = `apiVersion: v1
kind: Pod
metadata:
  name: mesh
spec:
  terminationGracePeriodSeconds: 20
  initContainers:
    - name: envoy
      image: x:1
      restartPolicy: Always
      readinessProbe:
        tcpSocket: { port: 15021 }
        periodSeconds: 4
      lifecycle:
        preStop: { sleep: { seconds: 2 } }
  containers:
    - name: api
      image: x:1
      readinessProbe:
        httpGet: { path: /ready, port: 8080 }
        initialDelaySeconds: 7
        periodSeconds: 3
        successThreshold: 3
      livenessProbe:
        httpGet: { path: /live, port: 8080 }
        periodSeconds: 6
        timeoutSeconds: 4
        failureThreshold: 2
        terminationGracePeriodSeconds: 8
      lifecycle:
        preStop: { exec: { command: ["sleep", "12"] } }
    - name: worker
      image: x:1
      startupProbe:
        exec: { command: [test, -f, /up] }
        initialDelaySeconds: 5
        periodSeconds: 5
        failureThreshold: 12
      livenessProbe:
        exec: { command: [test, -f, /up] }
`;

/**
 * timeoutSeconds > periodSeconds everywhere (issue 20): pkg/kubelet/prober/worker.go worker.run
 * starts the next probe only after doProbe returned, so attempts that time out are timeoutSeconds
 * apart. The simulator schedules ticks that way; the hover and the figures use timing.ts
 * failureWindow.
 */
const SLOW = `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  terminationGracePeriodSeconds: 12
  containers:
    - name: api
      image: x:1
      livenessProbe:
        httpGet: { path: /live, port: 8080 }
        periodSeconds: 5
        timeoutSeconds: 10
        failureThreshold: 3
      readinessProbe:
        httpGet: { path: /ready, port: 8080 }
        periodSeconds: 2
        timeoutSeconds: 7
        failureThreshold: 4
    - name: boot
      image: x:1
      startupProbe:
        exec: { command: [test, -f, /up] }
        initialDelaySeconds: 3
        periodSeconds: 4
        timeoutSeconds: 9
        failureThreshold: 5
    - name: bare
      image: x:1
      livenessProbe:
        tcpSocket: { port: 9000 }
        initialDelaySeconds: 2
        periodSeconds: 3
        timeoutSeconds: 8
        failureThreshold: 2
`;

describe('hovers agree with the lifecycle simulator', () => {
  it('a sidecar with a startupProbe: the next init container starts in the window the hover shows', () => {
    const hover = /startupProbe has succeeded \(([^)]+) after it starts\)/.exec(md(caret(WEB, 'proxy')));
    assert.ok(hover);
    const [earliest, latest] = window(hover[1]!);
    const { best, worst } = phases(WEB);
    assert.equal(at(best, 'proxy', 'startupSucceeded') - at(best, 'proxy', 'containerStarted'), earliest);
    assert.equal(at(worst, 'proxy', 'startupSucceeded') - at(worst, 'proxy', 'containerStarted'), latest);
    // ... and the next init container (migrate) begins right then.
    assert.equal(at(best, 'migrate', 'containerStarted'), at(best, 'proxy', 'startupSucceeded') + ASM.containerStartSeconds);
  });

  it('time to Ready after the container starts (startup + readiness with successThreshold 2)', () => {
    for (const marked of [caret(WEB, 'name: app', 0, 6), caret(WEB, 'readinessProbe', 1)]) {
      const m = md(marked);
      const text = /Ready ([^ ]+ s(?: – [^ ]+ s)?) after it starts/.exec(m)?.[1] ?? cell(m, 'Ready (earliest');
      const [earliest, latest] = window(text);
      const { best, worst } = phases(WEB);
      assert.equal(at(best, 'app', 'ready') - at(best, 'app', 'containerStarted'), earliest);
      assert.equal(at(worst, 'app', 'ready') - at(worst, 'app', 'containerStarted'), latest);
      // The pod is Ready with its last container: the panel's figure is that run's Ready time.
      assert.deepEqual(best.figures.timeToReady, { best: best.readyAt, worst: worst.readyAt });
    }
  });

  it('time to Ready for a sidecar without startupProbe and for app containers with odd timings', () => {
    const { best, worst } = phases(MESH);
    for (const [name, nth] of [['envoy', 0], ['api', 1]] as const) {
      const [earliest, latest] = window(cell(md(caret(MESH, 'readinessProbe', nth)), 'Ready (earliest'));
      assert.equal(at(best, name, 'ready') - at(best, name, 'containerStarted'), earliest, name);
      assert.equal(at(worst, name, 'ready') - at(worst, name, 'containerStarted'), latest, name);
    }
    const [earliest, latest] = window(cell(md(caret(MESH, 'startupProbe')), 'Started'));
    assert.equal(at(best, 'worker', 'startupSucceeded') - at(best, 'worker', 'containerStarted'), earliest);
    assert.equal(at(worst, 'worker', 'startupSucceeded') - at(worst, 'worker', 'containerStarted'), latest);
  });

  it('liveness: hang -> kill and the worst case equal the panel\'s figures; a real hang falls in the window', () => {
    for (const [yaml, name, nth] of [[WEB, 'app', 0], [MESH, 'api', 0], [MESH, 'worker', 1], [SLOW, 'api', 0], [SLOW, 'bare', 1]] as const) {
      const m = md(caret(yaml, 'livenessProbe', nth));
      const [earliest, latest] = window(cell(m, 'Hang → kill'));
      const worst = seconds(cell(m, 'Hang → SIGKILL at the latest'));
      const deadline = seconds(cell(m, 'Then grace period before SIGKILL'));
      const f = figure(panel(yaml), name, 'liveness');
      assert.deepEqual(f, { best: earliest, worst }, `${name}: ${m}`);
      assert.equal(worst, latest + deadline);
      // The simulator, hung at 200 s: the kill decision lands inside the hover's window, and
      // SIGKILL follows after the hover's deadline (the app ignores SIGTERM here).
      const hang = 200;
      const t = panel(yaml, { kind: 'probeFailure', container: name, probe: 'liveness', at: hang }, { horizon: 600 });
      const killed = at(t, name, 'killed');
      assert.ok(killed - hang >= earliest && killed - hang <= latest, `${name}: killed ${killed - hang} s after the hang, not in ${earliest}..${latest}`);
      assert.equal(at(t, name, 'sigkill') - killed, deadline, name);
    }
  });

  it('startup: budget and never-up kill equal the panel\'s figures', () => {
    for (const [yaml, name, nth] of [[WEB, 'app', 1], [WEB, 'proxy', 0], [MESH, 'worker', 0], [SLOW, 'boot', 0]] as const) {
      const m = md(caret(yaml, 'startupProbe', nth));
      const t = panel(yaml);
      assert.equal(t.figures.startupBudget.find((b) => b.container === name)?.seconds, seconds(cell(m, 'Startup budget')), name);
      const [earliest] = window(cell(m, 'An app that never comes up (nothing answers) is killed after'));
      assert.deepEqual(figure(t, name, 'startup'), { best: earliest, worst: seconds(cell(m, 'Never up → SIGKILL at the latest')) }, name);
    }
  });

  it('readiness: hang -> out of endpoints equals the panel\'s figure', () => {
    for (const [yaml, nth] of [[MESH, 1], [SLOW, 0]] as const) {
      const m = md(caret(yaml, 'readinessProbe', nth));
      const [earliest, latest] = window(cell(m, 'Hang → removed from endpoints'));
      assert.deepEqual(figure(panel(yaml), 'api', 'readiness'), { best: earliest, worst: latest });
    }
  });

  it('timeout > period: the issue 20 example (period 5, timeout 10, failureThreshold 3) is 30 s – 35 s everywhere', () => {
    const m = md(caret(SLOW, 'livenessProbe'));
    assert.deepEqual(window(cell(m, 'Hang → kill')), [30, 35]);
    // The simulator, hung at 4 s past each tick phase: the kill lands in the window, at most a period apart.
    const seen = new Set<number>();
    for (const hang of [200, 201, 202, 203, 204]) {
      const t = panel(SLOW, { kind: 'probeFailure', container: 'api', probe: 'liveness', at: hang }, { horizon: 600 });
      const after = at(t, 'api', 'killed') - hang;
      assert.ok(after >= 30 && after <= 35, `killed ${after} s after the hang`);
      seen.add(after);
    }
    assert.ok(seen.size > 1, 'the hang time should move the kill within the window');
    // A readiness hang: 4 attempts 7 s apart -> (4-1) × 7 + 7 = 28 s .. + 2 s.
    const r = md(caret(SLOW, 'readinessProbe'));
    assert.deepEqual(window(cell(r, 'Hang → removed from endpoints')), [28, 30]);
    const t = panel(SLOW, { kind: 'probeFailure', container: 'api', probe: 'readiness', at: 200 }, { horizon: 600 });
    const out = at(t, 'api', 'notReady') - 200;
    assert.ok(out >= 28 && out <= 30, `not ready ${out} s after the hang`);
  });

  it('never up: the simulated app that never answers is killed at the ends of the hover\'s window', () => {
    // The simulator's app that is not up yet refuses at once (d = 0): best tick phase -> earliest,
    // worst -> latest, for a startupProbe and for a liveness probe without one (timeout > period).
    for (const [name, probe, nth] of [['boot', 'startupProbe', 0], ['bare', 'livenessProbe', 1]] as const) {
      const [earliest, latest] = window(cell(md(caret(SLOW, probe, nth)), 'An app that never comes up (nothing answers)'));
      for (const [phase, expected] of [['best', earliest], ['worst', latest]] as const) {
        const t = panel(SLOW, undefined, { probePhase: phase, appStartSecondsByContainer: { [name]: 1e5 }, horizon: 300 });
        assert.equal(at(t, name, 'killed') - at(t, name, 'containerStarted'), expected, `${name} ${phase}`);
      }
    }
  });

  it('termination: the table\'s SIGKILL deadlines and the worst case equal the simulated deletion', () => {
    for (const yaml of [WEB, MESH]) {
      const m = md(caret(yaml, 'terminationGracePeriodSeconds'));
      const worst = seconds(/Worst case: the last container is gone (.+?) after termination starts\./.exec(m)![1]!);
      const del = 300;
      const t = panel(yaml, { kind: 'delete', at: del }, { horizon: 900 });
      assert.equal(t.figures.worstCaseTermination, worst);
      const rows = m.split('\n').filter((l) => /^\| (\*\*)?`/.test(l)).map((l) => l.split('|').map((c) => c.trim()).filter(Boolean));
      assert.ok(rows.length >= 3);
      let last = 0;
      for (const [name, , , sigterm, sigkill] of rows) {
        const c = name!.replace(/[`*]/g, '');
        assert.equal(at(t, c, 'sigterm') - del, seconds(sigterm!), `${c} SIGTERM`);
        assert.equal(at(t, c, 'sigkill') - del, seconds(sigkill!), `${c} SIGKILL`);
        last = Math.max(last, t.containers.find((x) => x.name === c)!.finishedAt! - del);
      }
      assert.equal(last, worst);
    }
  });
});
