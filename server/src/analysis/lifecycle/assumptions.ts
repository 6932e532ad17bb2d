/**
 * Assumed durations (everything the spec cannot tell) with their defaults, and the scenario input,
 * both normalised so that any JSON (wrong types, NaN, 1e308) becomes usable, bounded numbers.
 */
import { SCENARIO_KINDS } from './types';
import type { Assumptions, ProbeKind, Scenario } from './types';

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

function seconds(v: unknown, d: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) return d;
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
      const s = seconds(v, NaN);
      if (!Number.isNaN(s)) by[k] = s;
    }
  }
  const horizon = seconds(p.horizon, d.horizon);
  return {
    schedulingSeconds: seconds(p.schedulingSeconds, d.schedulingSeconds),
    sandboxSeconds: seconds(p.sandboxSeconds, d.sandboxSeconds),
    imagePullSeconds: seconds(p.imagePullSeconds, d.imagePullSeconds),
    containerStartSeconds: seconds(p.containerStartSeconds, d.containerStartSeconds),
    appStartSeconds: seconds(p.appStartSeconds, d.appStartSeconds),
    appStartSecondsByContainer: by,
    runToCompletionSeconds: seconds(p.runToCompletionSeconds, d.runToCompletionSeconds),
    hookSeconds: seconds(p.hookSeconds, d.hookSeconds),
    shutdownSeconds: seconds(p.shutdownSeconds, d.shutdownSeconds),
    killSeconds: seconds(p.killSeconds, d.killSeconds),
    horizon: Math.min(MAX_HORIZON, horizon),
    imagesCached: bool(p.imagesCached, d.imagesCached),
    nodeMonitorGraceSeconds: seconds(p.nodeMonitorGraceSeconds, d.nodeMonitorGraceSeconds),
    probePhase: p.probePhase === 'worst' ? 'worst' : 'best',
  };
}

const PROBES: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];

/** Any value -> a valid Scenario (unknown input is the happy path). */
export function normalizeScenario(v: unknown): Scenario {
  if (!v || typeof v !== 'object') return { kind: 'happy' };
  const o = v as Record<string, unknown>;
  const kind = SCENARIO_KINDS.find((k) => k === o.kind);
  const at = seconds(o.at, 60);
  const name = typeof o.container === 'string' ? o.container.slice(0, 253) : '';
  switch (kind) {
    case 'exit': {
      const code = typeof o.exitCode === 'number' && Number.isInteger(o.exitCode) ? Math.max(-2147483648, Math.min(2147483647, o.exitCode)) : 1;
      return { kind, container: name, exitCode: code, at };
    }
    case 'probeFailure': {
      const probe = PROBES.find((p) => p === o.probe) ?? 'liveness';
      return { kind, container: name, probe, at };
    }
    case 'delete': case 'nodeUnreachable': case 'memoryPressure':
      return { kind, at };
    default:
      return { kind: 'happy' };
  }
}

/**
 * The CLI's scenario syntax: happy | exit:<container>:<code>@<t> | probe:<container>:<kind>@<t> |
 * delete@<t> | unreachable@<t> | memory-pressure@<t>. Returns undefined when it does not parse.
 */
export function parseScenario(text: string): Scenario | undefined {
  const t = text.trim();
  if (t === 'happy' || t === '') return { kind: 'happy' };
  const m = /^(.*)@([0-9]+(?:\.[0-9]+)?)s?$/.exec(t);
  if (!m) return undefined;
  const head = m[1]!;
  const at = Number(m[2]);
  if (!Number.isFinite(at)) return undefined;
  if (head === 'delete') return { kind: 'delete', at };
  if (head === 'unreachable' || head === 'node-unreachable') return { kind: 'nodeUnreachable', at };
  if (head === 'memory-pressure' || head === 'memoryPressure') return { kind: 'memoryPressure', at };
  const ex = /^exit:(.+):(-?\d+)$/.exec(head);
  if (ex) return normalizeScenario({ kind: 'exit', container: ex[1], exitCode: Number(ex[2]), at });
  const pr = /^probe:(.+):(liveness|readiness|startup)$/.exec(head);
  if (pr) return { kind: 'probeFailure', container: pr[1]!, probe: pr[2] as ProbeKind, at };
  return undefined;
}
