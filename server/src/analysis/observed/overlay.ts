/**
 * The observed times of a pod laid over its predicted timeline (the lifecycle preview): containers'
 * startedAt / finishedAt and lastState, and the conditions' lastTransitionTime, in seconds from the pod's
 * start, each with the simulator's prediction where there is a comparable one and whether they diverge.
 *
 * t = 0 is status.startTime (the kubelet's first sight of the pod, generateAPIPodStatus), else the
 * PodScheduled transition, else the earliest observed time. A container's status startedAt is when its
 * process started; the prediction is the simulator's startedAt (its start, after postStart and a startup
 * probe), so only the first run of a container (restartCount 0) is compared. A condition still False although
 * the simulator has it True before the dump's latest time diverges.
 */
import type { PodExplanation } from './explain';

export type ObservedMarkKind = 'startedAt' | 'finishedAt' | 'lastStartedAt' | 'lastFinishedAt' | 'condition';

export interface ObservedMark {
  /** The container ('' for a pod condition). */
  readonly container: string;
  readonly kind: ObservedMarkKind;
  /** The condition type, for kind 'condition'. */
  readonly condition?: string;
  /** Seconds from the origin. */
  readonly at: number;
  /** The observed time, ISO-8601. */
  readonly time: string;
  /** A condition that is False in the status (its lastTransitionTime is when it became False). */
  readonly status?: 'False';
  /** The simulator's time for the same moment (for a False condition: when it predicts it True), when it has one. */
  readonly predicted: number | null;
  readonly diverges: boolean;
}

export interface ObservedOverlay {
  /** ISO-8601 time of t = 0. */
  readonly origin: string;
  readonly marks: readonly ObservedMark[];
  /** How many marks diverge from the prediction. */
  readonly divergences: number;
}

/** What the overlay needs of a predicted timeline (the simulator's Timeline has these fields). */
export interface PredictedTimes {
  readonly containers: readonly { readonly name: string; readonly startedAt: number | null; readonly finishedAt: number | null }[];
  readonly conditions: readonly { readonly type: string; readonly at: number | null }[];
}

/** Diverging: more than 10 s and more than a quarter of the predicted time apart. */
export function diverges(observed: number, predicted: number | null): boolean {
  if (predicted === null) return false;
  const d = Math.abs(observed - predicted);
  return d > 10 && d > 0.25 * Math.abs(predicted);
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function observedOverlay(p: PodExplanation, predicted: PredictedTimes): ObservedOverlay | undefined {
  const s = p.status;
  if (!s) return undefined;
  const raw: { container: string; kind: ObservedMarkKind; condition?: string; ms: number; predicted: number | null; stillFalse?: boolean }[] = [];
  for (const c of p.containers) {
    const cs = c.status;
    if (!cs) continue;
    const pred = predicted.containers.find((x) => x.name === c.name);
    const firstRun = (cs.restartCount ?? 0) === 0;
    const t = cs.state?.terminated;
    if (cs.state?.startedAt !== undefined) raw.push({ container: c.name, kind: 'startedAt', ms: cs.state.startedAt, predicted: firstRun ? pred?.startedAt ?? null : null });
    if (t?.finishedAt !== undefined) raw.push({ container: c.name, kind: 'finishedAt', ms: t.finishedAt, predicted: firstRun ? pred?.finishedAt ?? null : null });
    const last = cs.lastState?.terminated;
    if (last?.startedAt !== undefined) raw.push({ container: c.name, kind: 'lastStartedAt', ms: last.startedAt, predicted: null });
    if (last?.finishedAt !== undefined) raw.push({ container: c.name, kind: 'lastFinishedAt', ms: last.finishedAt, predicted: null });
  }
  for (const c of s.conditions) {
    if (c.lastTransitionTime === undefined) continue;
    const pred = predicted.conditions.find((x) => x.type === c.type)?.at ?? null;
    raw.push({ container: '', kind: 'condition', condition: c.type, ms: c.lastTransitionTime, predicted: pred, stillFalse: c.status === 'False' });
  }
  const scheduled = s.conditions.find((c) => c.type === 'PodScheduled' && c.status === 'True')?.lastTransitionTime;
  const origin = s.startTime ?? scheduled ?? (raw.length ? Math.min(...raw.map((r) => r.ms)) : undefined);
  if (origin === undefined || raw.length === 0) return undefined;
  // The dump was taken no earlier than its latest time: a condition still False then, that the simulator
  // has True before it, diverges (e.g. Initialized False behind a crash-looping init container).
  const latest = (Math.max(...raw.map((r) => r.ms)) - origin) / 1000;
  const marks = raw.map((r) => {
    const at = (r.ms - origin) / 1000;
    const late = r.stillFalse === true && r.predicted !== null && latest > r.predicted + 10;
    return {
      container: r.container, kind: r.kind, ...(r.condition !== undefined ? { condition: r.condition } : {}),
      ...(r.stillFalse ? { status: 'False' as const } : {}),
      at, time: iso(r.ms), predicted: r.predicted, diverges: r.stillFalse ? late : diverges(at, r.predicted),
    };
  });
  return { origin: iso(origin), marks, divergences: marks.filter((m) => m.diverges).length };
}
