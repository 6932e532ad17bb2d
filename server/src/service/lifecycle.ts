/**
 * podLens/lifecycle: a file position (or file-level pod index) -> the pod -> simulate() -> the
 * timeline with its chunk-local spans turned into LSP ranges (chunk.start + FileAnalysis.lines).
 */
import { simulate } from '../analysis/lifecycle/index';
import type { SimTimeline, Timeline, TimelineEvent } from '../analysis/lifecycle/index';
import { observedOverlay } from '../analysis/observed/overlay';
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
  const { pod, ...rest } = relocate(t, (s: Span): Range => file.lines.range(base + s.start, base + s.end));
  const observed = ref.chunk.analysis.observed?.find((o) => o.object.analysis === ref.analysis);
  const overlay = observed ? observedOverlay(observed, t) : undefined;
  return { uri, version, pod: { index: ref.index, ...pod }, ...rest, ...(overlay ? { observed: overlay } : {}) };
}

/**
 * The same timeline pointing elsewhere: every `range` mapped by `to`. Objects keep their key
 * order, so the JSON has its fields where the simulator put them.
 */
export function relocate<A, B>(t: Timeline<A>, to: (a: A) => B): Timeline<B> {
  const at = <O extends { readonly range?: A }>(o: O): Omit<O, 'range'> & { range?: B } => {
    const { range } = o;
    return range === undefined ? o as Omit<O, 'range'> : { ...o, range: to(range) };
  };
  const event = (e: TimelineEvent<A>): TimelineEvent<B> => at(e);
  return {
    ...t,
    pod: { ...t.pod, range: to(t.pod.range) },
    containers: t.containers.map((c) => ({ ...c, range: to(c.range), segments: c.segments.map(at), events: c.events.map(event) })),
    events: t.events.map(event),
    figures: { ...t.figures, hangToRestart: t.figures.hangToRestart.map(at), startupBudget: t.figures.startupBudget.map(at) },
    notes: t.notes.map(at),
  };
}
