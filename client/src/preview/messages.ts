/**
 * Messages between the lifecycle preview panel (extension host) and its webview, discriminated on
 * `type`, in the style of VS Code's markdown preview (extensions/markdown-language-features/types/previewMessaging.d.ts).
 * Imported by both sides, so it imports nothing at runtime (types only) and no `vscode`.
 *
 * The webview is untrusted from the host's point of view (it renders text that comes from user YAML),
 * so every FromWebview message goes through `parseFromWebview` on the host: wrong shape -> ignored.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { Assumptions, LifecycleTimeline, ProbeKind, Scenario, ScenarioKind } from '../../../server/src/protocol/lifecycle';

/** Overrides of the simulator's assumptions, as the user typed them (absent = the simulator's default). */
export type AssumptionOverrides = { -readonly [K in keyof Assumptions]?: Assumptions[K] };

/** Host -> webview. */
export type ToWebview =
  /** A new timeline for the pod the panel follows. `defaults` = the assumptions with no override. */
  | {
    readonly type: 'update';
    readonly timeline: LifecycleTimeline;
    /** Short file name, for the subtitle. */
    readonly fileName: string;
    readonly scenario: Scenario;
    readonly assumptions: AssumptionOverrides;
    readonly defaults: Assumptions | null;
  }
  /** Nothing to draw; `message` is localized by the host. */
  | { readonly type: 'empty'; readonly reason: 'noEditor' | 'noPod' | 'error'; readonly message: string };

/** Webview -> host. */
export type FromWebview =
  /** The script has loaded (after a reload or when the panel becomes visible again): send the last update. */
  | { readonly type: 'ready' }
  /** Select and reveal this range of the followed document. */
  | { readonly type: 'reveal'; readonly range: Range }
  | { readonly type: 'setScenario'; readonly scenario: Scenario }
  /** Replaces all overrides (an empty object resets to the defaults). */
  | { readonly type: 'setAssumptions'; readonly assumptions: AssumptionOverrides };

/** What the webview keeps with vscode.setState and the serializer hands back after a reload. */
export interface PreviewState {
  readonly uri?: string;
  readonly pod?: number;
  readonly scenario?: Scenario;
  readonly assumptions?: AssumptionOverrides;
  readonly scrollX?: number;
  readonly scrollY?: number;
}

// ---- validation (host side; pure, unit-tested) ----

/** Largest line/character/second value accepted; anything larger is not from our page. */
const MAX_INT = 10_000_000;
const MAX_SECONDS = 1_000_000;
const MAX_NAME = 253;

export const NUMBER_ASSUMPTIONS = [
  'schedulingSeconds', 'sandboxSeconds', 'imagePullSeconds', 'containerStartSeconds', 'appStartSeconds',
  'runToCompletionSeconds', 'hookSeconds', 'shutdownSeconds', 'killSeconds', 'nodeMonitorGraceSeconds', 'horizon',
] as const satisfies readonly (keyof Assumptions)[];

export type NumberAssumption = (typeof NUMBER_ASSUMPTIONS)[number];

const SCENARIO_KINDS: readonly ScenarioKind[] = ['happy', 'exit', 'probeFailure', 'delete', 'nodeUnreachable', 'memoryPressure'];
const PROBES: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_SECONDS;
}

function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME;
}

function position(v: unknown): { line: number; character: number } | undefined {
  if (!isRecord(v) || !isInt(v['line'], 0, MAX_INT) || !isInt(v['character'], 0, MAX_INT)) return undefined;
  return { line: v['line'], character: v['character'] };
}

export function parseRange(v: unknown): Range | undefined {
  if (!isRecord(v)) return undefined;
  const start = position(v['start']);
  const end = position(v['end']);
  if (!start || !end) return undefined;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) return undefined;
  return { start, end };
}

/** A scenario of a valid shape (not yet checked against the pod: see `scenarioFits`). */
export function parseScenario(v: unknown): Scenario | undefined {
  if (!isRecord(v) || typeof v['kind'] !== 'string' || !SCENARIO_KINDS.includes(v['kind'] as ScenarioKind)) return undefined;
  const kind = v['kind'] as ScenarioKind;
  if (kind === 'happy') return { kind };
  const at = v['at'];
  if (!isSeconds(at)) return undefined;
  switch (kind) {
    case 'exit': {
      const { container, exitCode } = v;
      if (!isName(container) || !isInt(exitCode, 0, 255)) return undefined;
      return { kind, container, exitCode, at };
    }
    case 'probeFailure': {
      const { container, probe } = v;
      if (!isName(container) || typeof probe !== 'string' || !PROBES.includes(probe as ProbeKind)) return undefined;
      return { kind, container, probe: probe as ProbeKind, at };
    }
    default:
      return { kind, at };
  }
}

/** Whether the scenario names containers/probes this pod has (the simulator offers them in `availableScenarios`). */
export function scenarioFits(s: Scenario, timeline: Pick<LifecycleTimeline, 'availableScenarios'> | undefined): boolean {
  if (s.kind === 'happy') return true;
  const av = timeline?.availableScenarios;
  if (!av || !av.kinds.includes(s.kind)) return false;
  if (s.kind === 'exit') return av.exitContainers.some((c) => c.name === s.container);
  if (s.kind === 'probeFailure') return av.probes.some((p) => p.container === s.container && p.probes.includes(s.probe));
  return true;
}

/** Only the known keys, each of the right type and range; anything else is dropped. */
export function parseAssumptions(v: unknown): AssumptionOverrides | undefined {
  if (!isRecord(v)) return undefined;
  const out: AssumptionOverrides = {};
  for (const k of NUMBER_ASSUMPTIONS) {
    if (isSeconds(v[k])) out[k] = v[k] as number;
  }
  if (typeof v['imagesCached'] === 'boolean') out.imagesCached = v['imagesCached'];
  if (v['probePhase'] === 'best' || v['probePhase'] === 'worst') out.probePhase = v['probePhase'];
  const by = v['appStartSecondsByContainer'];
  if (isRecord(by)) {
    const m: Record<string, number> = {};
    let n = 0;
    for (const [name, s] of Object.entries(by)) {
      if (n >= 100) break;
      if (isName(name) && isSeconds(s)) { m[name] = s; n++; }
    }
    if (n > 0) out.appStartSecondsByContainer = m;
  }
  return out;
}

/** The host's gate for everything the webview posts: a well-formed message or undefined. */
export function parseFromWebview(v: unknown): FromWebview | undefined {
  if (!isRecord(v) || typeof v['type'] !== 'string') return undefined;
  switch (v['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal': {
      const range = parseRange(v['range']);
      return range ? { type: 'reveal', range } : undefined;
    }
    case 'setScenario': {
      const scenario = parseScenario(v['scenario']);
      return scenario ? { type: 'setScenario', scenario } : undefined;
    }
    case 'setAssumptions': {
      const assumptions = parseAssumptions(v['assumptions']);
      return assumptions ? { type: 'setAssumptions', assumptions } : undefined;
    }
    default:
      return undefined;
  }
}

/** The serializer's state (written by the webview, so untrusted too). */
export function parseState(v: unknown): PreviewState {
  if (!isRecord(v)) return {};
  const uri = typeof v['uri'] === 'string' && v['uri'].length < 4096 ? v['uri'] : undefined;
  const pod = isInt(v['pod'], 0, MAX_INT) ? v['pod'] : undefined;
  const scenario = parseScenario(v['scenario']);
  const assumptions = parseAssumptions(v['assumptions']);
  return {
    ...(uri !== undefined ? { uri } : {}),
    ...(pod !== undefined ? { pod } : {}),
    ...(scenario ? { scenario } : {}),
    ...(assumptions ? { assumptions } : {}),
  };
}
