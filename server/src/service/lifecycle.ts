/**
 * podLens/lifecycle: a file position (or file-level pod index) -> the pod -> simulate() -> the
 * timeline with chunk-local spans turned into LSP ranges (chunk.start + FileAnalysis.lines).
 */
import { simulate } from '../analysis/lifecycle/index';
import type { SimTimeline } from '../analysis/lifecycle/index';
import type { Position, Range } from '../model/lineIndex';
import type { Span } from '../model/tree';
import type { LifecycleTimeline } from '../protocol/lifecycle';
import { podAt } from './fileAnalysis';
import type { FileAnalysis, PodRef } from './fileAnalysis';

export interface LifecycleQuery {
  readonly position?: Position;
  readonly pod?: number;
  readonly scenario?: unknown;
  readonly assumptions?: unknown;
}

/** The pod whose text contains the position (the last one starting before it), else by index, else the first. */
export function podFor(file: FileAnalysis, q: LifecycleQuery): PodRef | undefined {
  if (file.skipped || file.pods.length === 0) return undefined;
  const p = q.position;
  if (p && typeof p === 'object' && Number.isFinite(p.line) && Number.isFinite(p.character)) {
    const best = podAt(file, file.lines.offset(p));
    if (best) return best;
  }
  if (typeof q.pod === 'number' && Number.isInteger(q.pod)) return file.pods.find((r) => r.index === q.pod);
  return p ? undefined : file.pods[0];
}

export function lifecycle(file: FileAnalysis, uri: string, version: number, q: LifecycleQuery): LifecycleTimeline | null {
  const ref = podFor(file, q);
  if (!ref) return null;
  return toProtocol(file, ref, cachedSimulation(ref, q), uri, version);
}

/**
 * The panel asks again on every cursor move and edit; the pod's analysis object only changes when
 * its YAML document does, so a simulation is reused for the same pod, scenario and assumptions.
 */
const simulations = new WeakMap<PodRef['analysis'], Map<string, SimTimeline>>();
const PER_POD = 8;

function cachedSimulation(ref: PodRef, q: LifecycleQuery): SimTimeline {
  const key = JSON.stringify([q.scenario ?? null, q.assumptions ?? null]);
  let byQuery = simulations.get(ref.analysis);
  if (!byQuery) { byQuery = new Map(); simulations.set(ref.analysis, byQuery); }
  const hit = byQuery.get(key);
  if (hit) return hit;
  const sim = simulate(ref.analysis, q.scenario, q.assumptions);
  if (byQuery.size >= PER_POD) byQuery.delete(byQuery.keys().next().value!);
  byQuery.set(key, sim);
  return sim;
}

function toProtocol(file: FileAnalysis, ref: PodRef, t: SimTimeline, uri: string, version: number): LifecycleTimeline {
  const base = ref.chunk.start;
  const r = (s: Span): Range => file.lines.range(base + s.start, base + s.end);
  const opt = (s: Span | undefined): { range?: Range } => (s ? { range: r(s) } : {});
  const ev = (e: SimTimeline['events'][number]) => {
    const { span, ...rest } = e;
    return { ...rest, ...opt(span) };
  };
  return {
    uri, version,
    pod: { index: ref.index, kind: t.kind, name: t.name, range: r(t.span) },
    scenario: t.scenario,
    assumptions: t.assumptions,
    availableScenarios: t.availableScenarios,
    horizon: t.horizon,
    restartPolicy: t.restartPolicy,
    phases: t.phases,
    conditions: t.conditions,
    containers: t.containers.map((c) => {
      const { span, segments, events, ...rest } = c;
      return {
        ...rest, range: r(span),
        segments: segments.map(({ span: sp, ...s }) => ({ ...s, ...opt(sp) })),
        events: events.map(ev),
      };
    }),
    events: t.events.map(ev),
    readyAt: t.readyAt,
    terminatingAt: t.terminatingAt,
    figures: {
      ...t.figures,
      hangToRestart: t.figures.hangToRestart.map(({ span, ...f }) => ({ ...f, ...opt(span) })),
      startupBudget: t.figures.startupBudget.map(({ span, ...f }) => ({ ...f, ...opt(span) })),
    },
    notes: t.notes.map(({ span, ...n }) => ({ ...n, ...opt(span) })),
    truncated: t.truncated,
  };
}
