/**
 * simulate(podAnalysis, scenario, assumptions) -> SimTimeline: the pod's lifecycle as a
 * deterministic, bounded event simulation. Pure and total: any input gives a timeline, never a throw.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import { featureEnabled } from '../../model/version';
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
import { joinList } from '../listWords';

export { DEFAULT_ASSUMPTIONS, normalizeAssumptions } from './assumptions';
export { DEFAULT_SCENARIO, normalizeScenario, parseScenario, SCENARIO_SYNTAX, SCENARIOS } from './scenarios/index';
export type * from './types';

function clipEvents(list: readonly SimEventOut[], h: number): SimEventOut[] {
  return list.filter((e) => e.at <= h).sort((a, b) => a.at - b.at);
}

function containersOut(state: SimState, h: number): SimContainerOut[] {
  return state.containers.map((container) => {
    if (container.seg) container.segments.push({ state: container.seg.state, from: container.seg.from, to: Math.max(container.seg.from, h), ...(container.seg.reason ? { reason: container.seg.reason } : {}), ...(container.seg.range ? { range: container.seg.range } : {}) });
    container.seg = undefined;
    const segments = container.segments.filter((x) => x.from < h || (x.from === h && x.to === h)).map((x) => (x.to > h ? { ...x, to: h } : x)).sort((a, b) => a.from - b.from);
    const at = (v: number | null) => (v !== null && v <= h ? v : null);
    return {
      name: container.spec.name, role: container.spec.role, index: container.spec.index,
      startedAt: at(container.startedAt), readyAt: at(container.readyAt), finishedAt: at(container.finishedAt),
      restarts: container.restarts,
      ...(container.lastExitCode !== undefined ? { exitCode: container.lastExitCode } : {}),
      range: container.spec.span,
      segments, events: clipEvents(container.events, h),
    };
  });
}

function specNotes(state: SimState, pod: SimPod): void {
  for (const container of pod.containers) {
    if (container.shellPid1 && (container.role === 'app' || container.role === 'sidecar')) note(state, 'warning', 'shell-pid1', N.shellPid1(container.name, pod.grace), container.commandSpan ?? container.span);
  }
  note(state, 'info', 'probe-phase', state.assumptions.probePhase === 'best' ? N.probePhaseBest() : N.probePhaseWorst());
  const apps = pod.containers.filter((container) => container.role === 'app');
  if (apps.length > 1 && apps.some((container) => container.postStartSeconds !== undefined || container.pullPolicy !== 'Never')) note(state, 'info', 'sequential-start', N.sequential());
  if (apps.length === 0) note(state, 'warning', 'no-apps', N.noApps());
  if (pod.droppedContainers > 0) note(state, 'warning', 'containers-dropped', N.dropped(MAX_CONTAINERS, pod.droppedContainers));
  if (pod.ephemeral.length) note(state, 'info', 'ephemeral', N.ephemeral());
  if (pod.readinessGates.length) note(state, 'info', 'readiness-gates', N.gates(joinList(pod.readinessGates)), pod.readinessGatesSpan);
  if (pod.runToCompletion && pod.containers.some((container) => container.role === 'sidecar')) note(state, 'info', 'job-sidecars', N.jobSidecars());
  scenarioDefinition(state.scenario.kind).notes?.(state.scenario, scenarioRun(state));
}

function timeline(pod: SimPod, assumptions: Assumptions, scenario: Scenario, ready: Bounds | null): SimTimeline {
  const { state, horizon } = run(pod, assumptions, scenario, MAX_HORIZON);
  specNotes(state, pod);
  const h = horizon;
  const phases = state.phases.filter((p) => p.from <= h).map((p, i, all) => ({ ...p, to: i === all.length - 1 ? h : Math.min(p.to, h) }));
  const cond = (k: keyof SimState['cond']) => {
    const condition = state.cond[k];
    const intervals = condition.intervals.filter((x) => x.from <= h).map((x) => ({ from: x.from, to: x.to !== null && x.to <= h ? x.to : null }));
    return { type: k, at: condition.at !== null && condition.at <= h ? condition.at : null, ...(condition.lostAt !== null && condition.lostAt <= h ? { lostAt: condition.lostAt } : {}), intervals };
  };
  const containers = containersOut(state, h);
  const events = clipEvents(state.allEvents, h);
  const readyAt = state.cond.Ready.at !== null && state.cond.Ready.at <= h ? state.cond.Ready.at : null;
  return {
    pod: { kind: pod.kind, name: pod.pod.name ?? null, range: pod.pod.span },
    scenario, assumptions,
    availableScenarios: {
      kinds: SCENARIO_KINDS,
      exitContainers: pod.containers.map((container) => ({ name: container.name, role: container.role })),
      probes: pod.containers.flatMap((container) => {
        const probes = (['startup', 'liveness', 'readiness'] as const).filter((k) => container.probes[k]);
        return probes.length ? [{ container: container.name, probes }] : [];
      }),
    },
    horizon: h,
    restartPolicy: pod.restartPolicy,
    phases,
    // PodReadyToStartContainers only where the kubelet reports it (PodReadyToStartContainersCondition, 1.29+).
    conditions: [cond('PodScheduled'), ...(featureEnabled(pod.version, 'PodReadyToStartContainersCondition') ? [cond('PodReadyToStartContainers')] : []), cond('Initialized'), cond('ContainersReady'), cond('Ready')],
    containers,
    events,
    readyAt,
    terminatingAt: state.deletionAt !== null && state.deletionAt <= h ? state.deletionAt : null,
    figures: figures(pod, ready, evictionRank(pod.qosClass)),
    notes: state.notes,
    truncated: state.truncated,
  };
}

/** Ready time of the happy path with the given probe phase (no notes, figures unused). */
function happyReady(pod: SimPod, assumptions: Assumptions, phase: 'best' | 'worst'): number | null {
  const { state } = run(pod, { ...assumptions, probePhase: phase, horizon: 0 }, DEFAULT_SCENARIO, MAX_HORIZON);
  return state.cond.Ready.at;
}

export function simulate(analysis: PodAnalysis, scenarioIn?: unknown, assumptionsIn?: unknown): SimTimeline {
  const assumptions = normalizeAssumptions(assumptionsIn);
  const scenario = normalizeScenario(scenarioIn ?? DEFAULT_SCENARIO);
  const pod = simPod(analysis, assumptions);
  const best = happyReady(pod, assumptions, 'best');
  const worst = happyReady(pod, assumptions, 'worst');
  const ready = best !== null && worst !== null ? { best, worst } : null;
  return timeline(pod, assumptions, scenario, ready);
}
