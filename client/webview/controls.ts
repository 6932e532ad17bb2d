/**
 * The scenario picker and the assumption inputs. They never change the chart themselves: they post
 * `setScenario` / `setAssumptions`, the host asks the server again and sends a new `update`, and the
 * controls are rebuilt from that (so what is shown is always what was simulated). The picker's
 * kinds, their inputs and defaults come from the scenario definitions (server/src/analysis/lifecycle/scenarios/).
 */
import type { ScenarioField } from '../../server/src/analysis/lifecycle/scenarios/definition';
import { DEFAULT_SCENARIO, scenarioDefinition } from '../../server/src/analysis/lifecycle/scenarios/index';
import type { Assumptions, LifecycleTimeline, ProbeKind, Scenario, ScenarioKind } from '../../server/src/protocol/lifecycle';
import { formatSeconds } from '../../server/src/lifecycleView/layout';
import { NUMBER_ASSUMPTIONS } from '../src/preview/messages';
import type { AssumptionOverrides } from '../src/preview/messages';
import type { PreviewStrings } from '../src/preview/strings';
import { format, h } from './dom';

export interface ControlsContext {
  readonly strings: PreviewStrings;
  readonly setScenario: (s: Scenario) => void;
  readonly setAssumptions: (a: AssumptionOverrides) => void;
}

function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h('label', { class: 'control' }, h('span', {}, label), control, hint ? h('small', { class: 'hint' }, hint) : null);
}

function select(id: string, options: readonly (readonly [value: string, text: string])[], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const el = h('select', { id });
  for (const [v, t] of options) el.appendChild(h('option', { value: v, selected: v === value }, t));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

/** A number input that reports only valid values (>= 0, finite); an invalid one is marked and not sent. */
function numberInput(id: string, value: number | undefined, placeholder: string, onChange: (v: number | undefined) => void, opts: { step?: string; integer?: boolean; max?: number } = {}): HTMLInputElement {
  const el = h('input', { id, type: 'number', min: 0, step: opts.step ?? 'any', max: opts.max, placeholder, value: value !== undefined ? String(value) : undefined });
  el.addEventListener('change', () => {
    if (el.value.trim() === '') return onChange(undefined);
    const v = el.valueAsNumber;
    if (!Number.isFinite(v) || v < 0 || (opts.max !== undefined && v > opts.max) || (opts.integer && !Number.isInteger(v))) {
      el.setAttribute('aria-invalid', 'true');
      return;
    }
    el.removeAttribute('aria-invalid');
    onChange(v);
  });
  return el;
}

function defaultAt(t: LifecycleTimeline, current: Scenario): number {
  if ('at' in current) return current.at;
  const ready = t.readyAt ?? t.horizon / 3;
  return Math.max(1, Math.ceil(ready + 10));
}

/** A complete scenario of `kind` for this pod, keeping the time of the current one. */
export function scenarioFor(kind: ScenarioKind, t: LifecycleTimeline, current: Scenario): Scenario {
  return scenarioDefinition(kind).initial(t.availableScenarios, defaultAt(t, current), current);
}

type WithContainer = Extract<Scenario, { readonly container: string }>;
type WithExitCode = Extract<Scenario, { readonly exitCode: number }>;
type WithProbe = Extract<Scenario, { readonly probe: ProbeKind }>;

/** One renderer per kind of scenario input (scenarios/definition.ts ScenarioField); ids are what the e2e and render tests use. */
const FIELDS: Record<ScenarioField, (scenario: Scenario, t: LifecycleTimeline, ctx: ControlsContext) => HTMLElement> = {
  exitContainer(scenario, t, { strings, setScenario }) {
    const current = scenario as WithContainer;
    return field(strings.container, select('sc-container', t.availableScenarios.exitContainers.map((c) => [c.name, `${c.name} (${strings[`role.${c.role}`] ?? c.role})`]), current.container,
      (container) => setScenario({ ...current, container })));
  },
  exitCode(scenario, _t, { strings, setScenario }) {
    const current = scenario as WithExitCode;
    return field(strings.exitCode, numberInput('sc-exit', current.exitCode, '1', (v) => setScenario({ ...current, exitCode: v ?? 1 }), { step: '1', integer: true, max: 255 }));
  },
  probeContainer(scenario, t, { strings, setScenario }) {
    const current = scenario as WithProbe;
    const probes = t.availableScenarios.probes;
    return field(strings.container, select('sc-container', probes.map((p) => [p.container, p.container]), current.container, (container) => {
      const own = probes.find((p) => p.container === container)?.probes ?? [];
      setScenario({ ...current, container, probe: own.includes(current.probe) ? current.probe : own[0] ?? 'liveness' });
    }));
  },
  probe(scenario, t, { strings, setScenario }) {
    const current = scenario as WithProbe;
    const own = t.availableScenarios.probes.find((p) => p.container === current.container)?.probes ?? [];
    return field(strings.probe, select('sc-probe', own.map((p) => [p, strings[`probe.${p}`] ?? p]), current.probe,
      (probe) => setScenario({ ...current, probe: probe as ProbeKind })));
  },
};

export function renderScenario(t: LifecycleTimeline, scenario: Scenario, ctx: ControlsContext): HTMLElement {
  const { strings } = ctx;
  const kinds = t.availableScenarios.kinds.includes(DEFAULT_SCENARIO.kind) ? t.availableScenarios.kinds : [DEFAULT_SCENARIO.kind, ...t.availableScenarios.kinds];
  const root = h('div', { class: 'controls', role: 'group', 'aria-label': strings.scenario });
  root.appendChild(field(strings.scenario, select('sc-kind', kinds.map((k) => [k, strings[`scenario.${k}`] ?? k]), scenario.kind,
    (k) => ctx.setScenario(scenarioFor(k as ScenarioKind, t, scenario)))));
  const definition = scenarioDefinition(scenario.kind);
  for (const f of definition.fields) root.appendChild(FIELDS[f](scenario, t, ctx));
  if ('at' in scenario) {
    root.appendChild(field(strings.at, numberInput('sc-at', scenario.at, '', (v) => ctx.setScenario({ ...scenario, at: v ?? 0 }), { step: '1' })));
  }
  return root;
}

function shown(v: number | boolean): string {
  return typeof v === 'number' ? `${v}` : String(v);
}

export function renderAssumptions(t: LifecycleTimeline, overrides: AssumptionOverrides, defaults: Assumptions | null, open: boolean, onToggle: (open: boolean) => void, ctx: ControlsContext): HTMLElement {
  const { strings } = ctx;
  const base = defaults ?? t.assumptions;
  const root = h('details', { class: 'assumptions', open });
  root.addEventListener('toggle', () => onToggle(root.open));
  root.appendChild(h('summary', {}, strings.assumptions));
  const grid = h('div', { class: 'controls assumption-grid' });
  const next = (patch: AssumptionOverrides): void => {
    const merged: Record<string, unknown> = { ...overrides, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    ctx.setAssumptions(merged as AssumptionOverrides);
  };
  for (const k of NUMBER_ASSUMPTIONS) {
    const d = base[k];
    // horizon 0 = "chosen by the simulator from the scenario".
    const auto = k === 'horizon' && d === 0;
    grid.appendChild(field(strings[`assume.${k}`], numberInput(`as-${k}`, overrides[k], auto ? strings.auto : shown(d), (v) => next({ [k]: v }), k === 'horizon' ? { step: '1' } : {}),
      format(strings.defaultValue, auto ? `${strings.auto} (${formatSeconds(t.horizon)})` : shown(d))));
  }
  // Per-container app start (an app that starts slower than the others).
  const appStart = overrides.appStartSeconds ?? base.appStartSeconds;
  t.containers.filter((c) => c.role !== 'ephemeral').forEach((c, i) => {
    const by = overrides.appStartSecondsByContainer ?? {};
    const d = base.appStartSecondsByContainer[c.name] ?? appStart;
    grid.appendChild(field(format(strings['assume.appStartFor'], c.name), numberInput(`as-app-${i}`, by[c.name], shown(d), (v) => {
      const m: Record<string, number> = { ...by };
      if (v === undefined) delete m[c.name];
      else m[c.name] = v;
      next({ appStartSecondsByContainer: Object.keys(m).length ? m : undefined });
    }), format(strings.defaultValue, shown(d))));
  });
  const phase = overrides.probePhase ?? base.probePhase;
  grid.appendChild(field(strings['assume.probePhase'], select('as-probePhase', (['best', 'worst'] as const).map((p) => [p, strings[`probePhase.${p}`]]), phase,
    (v) => next({ probePhase: v === base.probePhase ? undefined : (v as 'best' | 'worst') }))));
  const cached = h('input', { id: 'as-imagesCached', type: 'checkbox', checked: overrides.imagesCached ?? base.imagesCached });
  cached.addEventListener('change', () => next({ imagesCached: cached.checked === base.imagesCached ? undefined : cached.checked }));
  grid.appendChild(h('label', { class: 'control checkbox' }, cached, h('span', {}, strings['assume.imagesCached'])));
  const reset = h('button', { id: 'as-reset', type: 'button', disabled: Object.keys(overrides).length === 0 }, strings.reset);
  reset.addEventListener('click', () => ctx.setAssumptions({}));
  grid.appendChild(reset);
  root.appendChild(grid);
  return root;
}
