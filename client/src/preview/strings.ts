/**
 * The webview's strings, localized on the host and passed to the page as JSON (`data-strings`), the
 * way VS Code's markdown preview collects `previewStrings` so that they can be localized
 * (extensions/markdown-language-features/src/preview/documentRenderer.ts).
 * Takes the l10n object as a parameter (the host passes `vscode.l10n`) so that tests can build the
 * same table without VS Code; templates keep their `{0}` placeholders and the webview fills them in.
 */
import type { Localizer } from '../../../server/src/analysis/lifecycle/scenarios/definition';
import { SCENARIOS } from '../../../server/src/analysis/lifecycle/scenarios/index';
import type { ScenarioKind } from '../../../server/src/analysis/lifecycle/scenarios/index';

export type { Localizer };

export function previewStrings(l10n: Localizer) {
  return {
    scenario: l10n.t('Scenario'),
    ...scenarioLabels(l10n),
    container: l10n.t('Container'),
    probe: l10n.t('Probe'),
    exitCode: l10n.t('Exit code'),
    at: l10n.t('At (seconds)'),
    'probe.liveness': l10n.t('liveness'),
    'probe.readiness': l10n.t('readiness'),
    'probe.startup': l10n.t('startup'),

    assumptions: l10n.t('Assumptions'),
    reset: l10n.t('Reset to defaults'),
    defaultValue: l10n.t('Default: {0}'),
    'assume.schedulingSeconds': l10n.t('Scheduling (s)'),
    'assume.sandboxSeconds': l10n.t('Sandbox and network (s)'),
    'assume.imagePullSeconds': l10n.t('Image pull (s)'),
    'assume.containerStartSeconds': l10n.t('Container start (s)'),
    'assume.appStartSeconds': l10n.t('App start (s)'),
    'assume.runToCompletionSeconds': l10n.t('Run to completion (s)'),
    'assume.hookSeconds': l10n.t('Lifecycle hook (s)'),
    'assume.shutdownSeconds': l10n.t('Shutdown after SIGTERM (s)'),
    'assume.killSeconds': l10n.t('Exit after SIGKILL (s)'),
    'assume.nodeMonitorGraceSeconds': l10n.t('Node monitor grace period (s)'),
    'assume.horizon': l10n.t('Simulated time (s)'),
    'assume.probePhase': l10n.t('Probe timing'),
    'probePhase.best': l10n.t('Best case: a probe runs as soon as it may'),
    'probePhase.worst': l10n.t('Worst case: each probe just misses its tick'),
    auto: l10n.t('automatic'),
    'assume.imagesCached': l10n.t('Images already on the node'),
    'assume.appStartFor': l10n.t('App start of {0} (s)'),

    figures: l10n.t('Key figures'),
    timeToReady: l10n.t('Time to Ready'),
    bestWorst: l10n.t('best {0} · worst {1}'),
    neverReady: l10n.t('Not Ready within the simulated time'),
    hangToRestart: l10n.t('Hang to restart'),
    hangToNotReady: l10n.t('Hang to NotReady'),
    probeOf: l10n.t('{0} probe of {1}'),
    noLiveness: l10n.t('No liveness probe: a hung app is never restarted'),
    startupBudget: l10n.t('Startup budget'),
    startupOf: l10n.t('startupProbe of {0}'),
    worstTermination: l10n.t('Worst-case termination'),
    gracePeriod: l10n.t('grace period {0}'),
    qos: l10n.t('QoS class'),
    unreachable: l10n.t('Node unreachable toleration'),
    forever: l10n.t('forever'),

    'state.waiting': l10n.t('Waiting'),
    'state.pulling': l10n.t('Pulling image'),
    'state.starting': l10n.t('Starting'),
    'state.running': l10n.t('Running'),
    'state.probing': l10n.t('Running, not ready yet'),
    'state.ready': l10n.t('Ready'),
    'state.terminating': l10n.t('Terminating'),
    'state.backoff': l10n.t('Restart back-off'),
    'state.completed': l10n.t('Completed'),
    'state.failed': l10n.t('Failed'),
    'state.unknown': l10n.t('Unknown (node not reporting)'),

    'role.init': l10n.t('init'),
    'role.sidecar': l10n.t('sidecar'),
    'role.app': l10n.t('app'),
    'role.ephemeral': l10n.t('ephemeral'),

    phase: l10n.t('Pod phase'),
    events: l10n.t('Events'),
    legend: l10n.t('Legend'),
    marker: l10n.t('Event'),
    markerWarning: l10n.t('Warning event'),
    markerError: l10n.t('Failure event'),
    timeline: l10n.t('Timeline of {0}'),
    span: l10n.t('{0} to {1} ({2})'),
    reason: l10n.t('Reason: {0}'),
    restarts: l10n.t('Restarts: {0}'),
    readyAt: l10n.t('Ready at {0}'),
    podReadyAt: l10n.t('Pod Ready at {0}'),
    revealHint: l10n.t('Click or press Enter to show it in the editor'),
    truncated: l10n.t('The simulation was cut short (too many events or too long a time).'),
    notes: l10n.t('Notes'),
    seconds: l10n.t('seconds'),
    observedMark: l10n.t('Observed {0} at {1} ({2})'),
    observedPredicted: l10n.t('Predicted: {0}'),
    observedDiverges: l10n.t('Diverges from the prediction'),
  };
}

/** `scenario.<kind>`: each scenario's picker label (from its definition). */
function scenarioLabels(l10n: Localizer): Record<`scenario.${ScenarioKind}`, string> {
  return Object.fromEntries(SCENARIOS.map((d) => [`scenario.${d.kind}`, d.label(l10n)])) as Record<`scenario.${ScenarioKind}`, string>;
}

export type PreviewStrings = ReturnType<typeof previewStrings>;
export type PreviewStringId = keyof PreviewStrings;
