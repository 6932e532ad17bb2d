/**
 * The scenario registry: every kind the simulator, the CLI and the preview know, in the order the
 * picker and `availableScenarios.kinds` list them. Adding a scenario = one file next to this one
 * (see definition.ts and any of the others) + one line here.
 */
import { boundedSeconds } from '../assumptions';
import type { AvailableScenarios } from '../types';
import { isRecord, isSeconds } from './definition';
import type { ScenarioDefinition } from './definition';
import { deleteScenario } from './delete';
import { exitScenario } from './exit';
import { happyScenario } from './happy';
import { memoryPressureScenario } from './memoryPressure';
import { nodeUnreachableScenario } from './nodeUnreachable';
import { probeFailureScenario } from './probeFailure';

export const SCENARIOS = [
  happyScenario,
  exitScenario,
  probeFailureScenario,
  deleteScenario,
  nodeUnreachableScenario,
  memoryPressureScenario,
] as const;

/** What happens to the pod. `at` = seconds from pod creation. */
export type Scenario = ReturnType<(typeof SCENARIOS)[number]['normalize']>;
export type ScenarioKind = Scenario['kind'];

export const SCENARIO_KINDS: readonly ScenarioKind[] = SCENARIOS.map((d) => d.kind);

/** The normal start: the default scenario, and what unknown input becomes. */
export const DEFAULT_SCENARIO: Scenario = { kind: happyScenario.kind };

export function scenarioDefinition(kind: ScenarioKind): ScenarioDefinition<Scenario> {
  return (SCENARIOS.find((d) => d.kind === kind) ?? happyScenario) as ScenarioDefinition<Scenario>;
}

/** The time the scenario happens at (0 for the normal start). */
export function scenarioTime(scenario: Scenario): number {
  return 'at' in scenario ? scenario.at : 0;
}

/** Any value -> a valid Scenario (unknown input is the normal start). The simulator's input. */
export function normalizeScenario(v: unknown): Scenario {
  if (!isRecord(v)) return DEFAULT_SCENARIO;
  const definition = SCENARIOS.find((d) => d.kind === v.kind) as ScenarioDefinition<Scenario> | undefined;
  return definition ? definition.normalize(v, boundedSeconds(v.at, 60)) : DEFAULT_SCENARIO;
}

/**
 * The CLI's `--scenario` text (`SCENARIO_SYNTAX`): `<head>@<seconds>` or a bare head. Returns
 * undefined when it does not parse.
 */
export function parseScenario(text: string): Scenario | undefined {
  const trimmed = text.trim();
  const timed = /^(.*)@([0-9]+(?:\.[0-9]+)?)s?$/.exec(trimmed);
  const head = timed ? timed[1]! : trimmed;
  const at = timed ? Number(timed[2]) : undefined;
  if (at !== undefined && !Number.isFinite(at)) return undefined;
  for (const definition of SCENARIOS as readonly ScenarioDefinition<Scenario>[]) {
    const scenario = definition.cli.parse(head, at);
    if (scenario) return scenario;
  }
  return undefined;
}

/** Every `--scenario` form, for usage texts. */
export const SCENARIO_SYNTAX: readonly string[] = SCENARIOS.map((d) => d.cli.syntax);

/** Untrusted JSON (the preview's messages and saved state) -> a well-formed scenario, or undefined. Not yet checked against the pod: see `scenarioFits`. */
export function validateScenario(v: unknown): Scenario | undefined {
  if (!isRecord(v) || typeof v.kind !== 'string') return undefined;
  const definition = SCENARIOS.find((d) => d.kind === v.kind) as ScenarioDefinition<Scenario> | undefined;
  if (!definition) return undefined;
  if (!definition.timed) return definition.validate(v, 0);
  return isSeconds(v.at) ? definition.validate(v, v.at) : undefined;
}

/** Whether the scenario names containers/probes this pod has (the simulator offers them in `availableScenarios`). */
export function scenarioFits(scenario: Scenario, available: AvailableScenarios | undefined): boolean {
  const definition = scenarioDefinition(scenario.kind);
  if (!definition.timed) return true;
  if (!available || !available.kinds.includes(scenario.kind)) return false;
  return definition.fits?.(scenario, available) ?? true;
}
