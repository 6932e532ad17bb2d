/**
 * simulate(podAnalysis, scenario, assumptions) -> SimTimeline: the pod's lifecycle as a
 * deterministic, bounded event simulation. Pure and total: any input gives a timeline, never a throw.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import type { PodAnalysis } from '../podAnalysis';
import { MAX_HORIZON, normalizeAssumptions } from './assumptions';
import { run, scenarioRun } from './engine';
import { figures } from './figures';
import { evictionRank, N } from './messages';
import { DEFAULT_SCENARIO, normalizeScenario, SCENARIO_KINDS, scenarioDefinition } from './scenarios/index';
import { MAX_CONTAINERS, simPod } from './spec';
import type { SimPod } from './spec';
import { note } from './state';
import type { SimState } from './state';
import type { Assumptions, Bounds, Scenario, SimContainerOut, SimEventOut, SimTimeline } from './types';

export { DEFAULT_ASSUMPTIONS, normalizeAssumptions } from './assumptions';
export { DEFAULT_SCENARIO, normalizeScenario, parseScenario, SCENARIO_SYNTAX, SCENARIOS } from './scenarios/index';
export type * from './types';

function clipEvents(list: readonly SimEventOut[], h: number): SimEventOut[] {
  return list.filter((e) => e.at <= h).sort((a, b) => a.at - b.at);
}

function containersOut(s: SimState, h: number): SimContainerOut[] {
  return s.cs.map((c) => {
    if (c.seg) c.segments.push({ state: c.seg.state, from: c.seg.from, to: Math.max(c.seg.from, h), ...(c.seg.reason ? { reason: c.seg.reason } : {}), ...(c.seg.range ? { range: c.seg.range } : {}) });
    c.seg = undefined;
    const segments = c.segments.filter((x) => x.from < h || (x.from === h && x.to === h)).map((x) => (x.to > h ? { ...x, to: h } : x)).sort((a, b) => a.from - b.from);
    const at = (v: number | null) => (v !== null && v <= h ? v : null);
    return {
      name: c.spec.name, role: c.spec.role, index: c.spec.index,
      startedAt: at(c.startedAt), readyAt: at(c.readyAt), finishedAt: at(c.finishedAt),
      restarts: c.restarts,
      ...(c.lastExitCode !== undefined ? { exitCode: c.lastExitCode } : {}),
      range: c.spec.span,
      segments, events: clipEvents(c.events, h),
    };
  });
}

function specNotes(s: SimState, pod: SimPod): void {
  for (const c of pod.containers) {
    if (c.shellPid1 && (c.role === 'app' || c.role === 'sidecar')) note(s, 'warning', 'shell-pid1', N.shellPid1(c.name, pod.grace), c.commandSpan ?? c.span);
  }
  note(s, 'info', 'probe-phase', s.asm.probePhase === 'best' ? N.probePhaseBest() : N.probePhaseWorst());
  const apps = pod.containers.filter((c) => c.role === 'app');
  if (apps.length > 1 && apps.some((c) => c.postStartSeconds !== undefined || c.pullPolicy !== 'Never')) note(s, 'info', 'sequential-start', N.sequential());
  if (apps.length === 0) note(s, 'warning', 'no-apps', N.noApps());
  if (pod.droppedContainers > 0) note(s, 'warning', 'containers-dropped', N.dropped(MAX_CONTAINERS, pod.droppedContainers));
  if (pod.ephemeral.length) note(s, 'info', 'ephemeral', N.ephemeral());
  if (pod.readinessGates.length) note(s, 'info', 'readiness-gates', N.gates(pod.readinessGates.join(', ')), pod.readinessGatesSpan);
  if (pod.runToCompletion && pod.containers.some((c) => c.role === 'sidecar')) note(s, 'info', 'job-sidecars', N.jobSidecars());
  scenarioDefinition(s.scenario.kind).notes?.(s.scenario, scenarioRun(s));
}

function timeline(pod: SimPod, asm: Assumptions, scenario: Scenario, ready: Bounds | null): SimTimeline {
  const { s, horizon } = run(pod, asm, scenario, MAX_HORIZON);
  specNotes(s, pod);
  const h = horizon;
  const phases = s.phases.filter((p) => p.from <= h).map((p, i, all) => ({ ...p, to: i === all.length - 1 ? h : Math.min(p.to, h) }));
  const cond = (k: keyof SimState['cond']) => {
    const c = s.cond[k];
    const intervals = c.intervals.filter((x) => x.from <= h).map((x) => ({ from: x.from, to: x.to !== null && x.to <= h ? x.to : null }));
    return { type: k, at: c.at !== null && c.at <= h ? c.at : null, ...(c.lostAt !== null && c.lostAt <= h ? { lostAt: c.lostAt } : {}), intervals };
  };
  const containers = containersOut(s, h);
  const events = clipEvents(s.allEvents, h);
  const readyAt = s.cond.Ready.at !== null && s.cond.Ready.at <= h ? s.cond.Ready.at : null;
  return {
    pod: { kind: pod.kind, name: pod.pod.name ?? null, range: pod.pod.span },
    scenario, assumptions: asm,
    availableScenarios: {
      kinds: SCENARIO_KINDS,
      exitContainers: pod.containers.map((c) => ({ name: c.name, role: c.role })),
      probes: pod.containers.flatMap((c) => {
        const probes = (['startup', 'liveness', 'readiness'] as const).filter((k) => c.probes[k]);
        return probes.length ? [{ container: c.name, probes }] : [];
      }),
    },
    horizon: h,
    restartPolicy: pod.restartPolicy,
    phases,
    conditions: [cond('PodScheduled'), cond('Initialized'), cond('ContainersReady'), cond('Ready')],
    containers,
    events,
    readyAt,
    terminatingAt: s.deletionAt !== null && s.deletionAt <= h ? s.deletionAt : null,
    figures: figures(pod, ready, evictionRank(pod.qosClass)),
    notes: s.notes,
    truncated: s.truncated,
  };
}

/** Ready time of the happy path with the given probe phase (no notes, figures unused). */
function happyReady(pod: SimPod, asm: Assumptions, phase: 'best' | 'worst'): number | null {
  const { s } = run(pod, { ...asm, probePhase: phase, horizon: 0 }, DEFAULT_SCENARIO, MAX_HORIZON);
  return s.cond.Ready.at;
}

export function simulate(analysis: PodAnalysis, scenarioIn?: unknown, assumptionsIn?: unknown): SimTimeline {
  const asm = normalizeAssumptions(assumptionsIn);
  const scenario = normalizeScenario(scenarioIn ?? DEFAULT_SCENARIO);
  const pod = simPod(analysis, asm);
  const best = happyReady(pod, asm, 'best');
  const worst = happyReady(pod, asm, 'worst');
  const ready = best !== null && worst !== null ? { best, worst } : null;
  return timeline(pod, asm, scenario, ready);
}
