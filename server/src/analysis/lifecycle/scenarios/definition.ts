/**
 * What a scenario is: one object per kind (scenarios/<kind>.ts, listed in scenarios/index.ts) that
 * holds everything about it — its JSON shape and how to read it (leniently for the simulator,
 * strictly for the preview's messages), its `--scenario` syntax for the CLI, the picker's inputs,
 * and what it does to a simulation (hooks the engine calls). The CLI usage, the README check, the
 * preview's picker and message validation all read these objects.
 *
 * Pure and light: the simulation hooks get the engine through `ScenarioRun`, so this folder imports
 * no engine code and the webview bundle can import the registry.
 */
import type { Span } from '../../../model/tree';
import { N } from '../messages';
import type { SimPod } from '../spec';
import type { ContainerState, SimState } from '../state';
import type { Assumptions, AvailableScenarios, ConditionType, EventKind, ProbeKind, SegmentState } from '../types';
import type { Scenario } from './index';

/** A scenario's own inputs in the preview's picker (the webview has one renderer per field). */
export type ScenarioField =
  /** A container that can exit (availableScenarios.exitContainers) -> `container`. */
  | 'exitContainer'
  /** An exit code 0..255 -> `exitCode`. */
  | 'exitCode'
  /** A container with probes (availableScenarios.probes) -> `container`. */
  | 'probeContainer'
  /** One of that container's probes -> `probe`. */
  | 'probe';

/** The engine as a scenario sees it (engine.ts builds it). */
export interface ScenarioRun {
  /** Read freely; scenarios also set the pod-level flags (nodeLost, deletionAt, forcedPhase). */
  readonly state: SimState;
  /** Queues `step` of this scenario at `t`: the engine hands it back to the definition's `step`. */
  schedule(t: number, step: string): void;
  /** A pod-level event. */
  emit(t: number, kind: EventKind, message: string, range?: Span): void;
  note(severity: 'info' | 'warning', code: string, message: string, range?: Span): void;
  /** Returns whether the condition changed. */
  setCondition(type: ConditionType, value: boolean, t: number): boolean;
  setSegment(container: ContainerState, t: number, state: SegmentState, reason: string): void;
  /** kubelet killPod: every running container gets the termination sequence with `grace` seconds. */
  stopPod(t: number, grace: number): void;
}

/** `vscode.l10n` or `@vscode/l10n`: whoever shows a label localizes it. */
export interface Localizer {
  t(message: string): string;
}

export interface ScenarioDefinition<S extends { readonly kind: string }> {
  readonly kind: S['kind'];
  /** Name in the preview's picker, localized by the caller's l10n (the extension host passes `vscode.l10n`). */
  label(l10n: Localizer): string;
  /** Whether something happens at a time `at` (every kind but the normal start). */
  readonly timed: boolean;
  /** `pod-lens simulate --scenario`: usage text, an example (README), and the parser. */
  readonly cli: {
    readonly syntax: string;
    readonly example: string;
    /** `head` is the text before `@<t>` (all of it when there is no `@`); `at` the time, if any. */
    parse(head: string, at: number | undefined): S | undefined;
  };
  /** Any JSON object of this kind -> a usable scenario (the simulator's input; never fails). `at` is already bounded. */
  normalize(json: Readonly<Record<string, unknown>>, at: number): S;
  /** Untrusted JSON (the preview's messages and saved state) -> this scenario, or undefined when malformed. `at` is checked. */
  validate(json: Readonly<Record<string, unknown>>, at: number): S | undefined;
  /** The picker's inputs besides the time, in order. */
  readonly fields: readonly ScenarioField[];
  /** A complete scenario of this kind for a pod, for the picker; keeps what `current` has when it is of this kind. */
  initial(available: AvailableScenarios, at: number, current: Scenario): S;
  /** Whether the scenario names only containers and probes the pod has (default: yes). */
  fits?(scenario: S, available: AvailableScenarios): boolean;

  // What it does to the simulation (all optional).
  /** Seconds the automatic horizon adds beyond `at` for this scenario. */
  extraSeconds?(scenario: S, pod: SimPod, assumptions: Assumptions): number;
  /** At `at`, unless the pod has already stopped. */
  begin?(scenario: S, run: ScenarioRun, t: number): void;
  /** A step this scenario queued with `run.schedule`. */
  step?(scenario: S, run: ScenarioRun, step: string, t: number): void;
  /** When and how a run of `container` that started at `processStart` ends, given its natural end (Infinity: runs on). */
  exit?(scenario: S, container: ContainerState, processStart: number, naturalEnd: number): { readonly at: number; readonly code: number } | undefined;
  /** From when on this probe of this container fails (undefined: it does not). */
  probeFailsFrom?(scenario: S, container: ContainerState, probe: ProbeKind): number | undefined;
  /** Notes once the simulation has run (e.g. it names a container the pod does not have). */
  notes?(scenario: S, run: ScenarioRun): void;
}

/**
 * Everything but the simulation hooks for a scenario that is only a kind and a time: its CLI form is
 * `<name>@<t>` (`names[0]` in the usage; the others are accepted too).
 */
export function kindAndTime<K extends string>(kind: K, label: (l10n: Localizer) => string, names: readonly [string, ...string[]], exampleAt: number): ScenarioDefinition<{ readonly kind: K; readonly at: number }> {
  const of = (at: number) => ({ kind, at });
  return {
    kind, label, timed: true,
    cli: { syntax: `${names[0]}@<t>`, example: `${names[0]}@${exampleAt}`, parse: (head, at) => (at !== undefined && names.includes(head) ? of(at) : undefined) },
    normalize: (_json, at) => of(at),
    validate: (_json, at) => of(at),
    fields: [],
    initial: (_available, at) => of(at),
  };
}

// ---- strict checks of untrusted JSON (also used by client/src/preview/messages.ts) ----

/** Largest seconds value accepted from the preview; anything larger is not from our page. */
export const MAX_MESSAGE_SECONDS = 1_000_000;
/** Longest container name Kubernetes accepts (a DNS subdomain). */
export const MAX_NAME = 253;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isInt(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

export function isSeconds(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_MESSAGE_SECONDS;
}

export function isName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME;
}

/** Lenient: any string, cut to a name's length; anything else is no name. */
export function containerName(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, MAX_NAME) : '';
}

export const PROBE_KINDS: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];

/** The container named by a scenario, or a warning note that the pod has none. */
export function namedContainer(run: ScenarioRun, name: string): ContainerState | undefined {
  const container = run.state.containers.find((x) => x.spec.name === name);
  if (!container) run.note('warning', 'scenario-container', N.noContainer(name));
  return container;
}
