/**
 * Messages between the lifecycle preview panel (extension host) and its webview, discriminated on
 * `type`, in the style of VS Code's markdown preview (extensions/markdown-language-features/types/previewMessaging.d.ts).
 * Imported by both sides, so it imports no `vscode` and, at runtime, only the pure scenario registry.
 *
 * The webview is untrusted from the host's point of view (it renders text that comes from user YAML),
 * so every FromWebview message goes through `parseFromWebview` on the host: wrong shape -> ignored.
 */
import type { Range } from 'vscode-languageserver-protocol';
import { isInt, isName, isRecord, isSeconds } from '../../../server/src/analysis/lifecycle/scenarios/definition';
import { validateScenario } from '../../../server/src/analysis/lifecycle/scenarios/index';
import type { Assumptions, LifecycleTimeline, Scenario } from '../../../server/src/protocol/lifecycle';

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

/** Largest line/character value accepted; anything larger is not from our page. */
const MAX_INT = 10_000_000;

export const NUMBER_ASSUMPTIONS = [
  'schedulingSeconds', 'sandboxSeconds', 'imagePullSeconds', 'containerStartSeconds', 'appStartSeconds',
  'runToCompletionSeconds', 'hookSeconds', 'shutdownSeconds', 'killSeconds', 'nodeMonitorGraceSeconds', 'horizon',
] as const satisfies readonly (keyof Assumptions)[];

export type NumberAssumption = (typeof NUMBER_ASSUMPTIONS)[number];

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
      const scenario = validateScenario(v['scenario']);
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
  const scenario = validateScenario(v['scenario']);
  const assumptions = parseAssumptions(v['assumptions']);
  return {
    ...(uri !== undefined ? { uri } : {}),
    ...(pod !== undefined ? { pod } : {}),
    ...(scenario ? { scenario } : {}),
    ...(assumptions ? { assumptions } : {}),
  };
}
