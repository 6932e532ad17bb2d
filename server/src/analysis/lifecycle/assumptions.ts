/**
 * Assumed durations (everything the spec cannot tell) with their defaults, normalised so that any
 * JSON (wrong types, NaN, 1e308) becomes usable, bounded numbers. (Scenarios: scenarios/.)
 */
import type { Assumptions } from './types';

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  schedulingSeconds: 1,
  sandboxSeconds: 2,
  imagePullSeconds: 5,
  containerStartSeconds: 1,
  appStartSeconds: 3,
  appStartSecondsByContainer: {},
  runToCompletionSeconds: 30,
  hookSeconds: 1,
  shutdownSeconds: 2,
  killSeconds: 0,
  horizon: 0,
  imagesCached: false,
  // 50 s since Kubernetes 1.32 (it was 40 s): kube-controller-manager --node-monitor-grace-period.
  // https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/
  nodeMonitorGraceSeconds: 50,
  probePhase: 'best',
};

/** No simulated time beyond a week: longer horizons only add ticks. */
export const MAX_HORIZON = 7 * 24 * 3600;
/** Largest duration accepted for one assumption. */
const MAX_SECONDS = 1e9;

/** Any value -> seconds in [0, MAX_SECONDS]; `fallback` when it is no finite number. */
export function boundedSeconds(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  return Math.min(MAX_SECONDS, Math.max(0, n));
}

function bool(v: unknown, d: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return d;
}

export function normalizeAssumptions(partial: unknown): Assumptions {
  const p = (partial && typeof partial === 'object' ? partial : {}) as Record<string, unknown>;
  const d = DEFAULT_ASSUMPTIONS;
  const by: Record<string, number> = {};
  const rawBy = p.appStartSecondsByContainer;
  if (rawBy && typeof rawBy === 'object' && !Array.isArray(rawBy)) {
    let n = 0;
    for (const [k, v] of Object.entries(rawBy as Record<string, unknown>)) {
      if (n++ >= 1000) break;
      const seconds = boundedSeconds(v, NaN);
      if (!Number.isNaN(seconds)) by[k] = seconds;
    }
  }
  const horizon = boundedSeconds(p.horizon, d.horizon);
  return {
    schedulingSeconds: boundedSeconds(p.schedulingSeconds, d.schedulingSeconds),
    sandboxSeconds: boundedSeconds(p.sandboxSeconds, d.sandboxSeconds),
    imagePullSeconds: boundedSeconds(p.imagePullSeconds, d.imagePullSeconds),
    containerStartSeconds: boundedSeconds(p.containerStartSeconds, d.containerStartSeconds),
    appStartSeconds: boundedSeconds(p.appStartSeconds, d.appStartSeconds),
    appStartSecondsByContainer: by,
    runToCompletionSeconds: boundedSeconds(p.runToCompletionSeconds, d.runToCompletionSeconds),
    hookSeconds: boundedSeconds(p.hookSeconds, d.hookSeconds),
    shutdownSeconds: boundedSeconds(p.shutdownSeconds, d.shutdownSeconds),
    killSeconds: boundedSeconds(p.killSeconds, d.killSeconds),
    horizon: Math.min(MAX_HORIZON, horizon),
    imagesCached: bool(p.imagesCached, d.imagesCached),
    nodeMonitorGraceSeconds: boundedSeconds(p.nodeMonitorGraceSeconds, d.nodeMonitorGraceSeconds),
    probePhase: p.probePhase === 'worst' ? 'worst' : 'best',
  };
}
