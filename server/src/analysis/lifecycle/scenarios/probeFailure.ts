/**
 * From `at` on, every attempt of one probe of one container fails (the app hangs or is unhealthy):
 * liveness and startup failures get the container killed, readiness failures take it out of Ready.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import * as l10n from '@vscode/l10n';
import { probeName } from '../messages';
import type { ProbeKind } from '../types';
import { containerName, isName, namedContainer, PROBE_KINDS } from './definition';
import type { ScenarioDefinition } from './definition';

export interface ProbeFailureScenario { readonly kind: 'probeFailure'; readonly container: string; readonly probe: ProbeKind; readonly at: number }

const noProbe = (name: string, probe: ProbeKind) => l10n.t('Container "{0}" has no {1}: nothing fails.', name, probeName(probe));
const startupAlreadyDone = (name: string) => l10n.t('The startupProbe of "{0}" had already succeeded at the failure time: it no longer runs, so nothing happens.', name);

export const probeFailureScenario: ScenarioDefinition<ProbeFailureScenario> = {
  kind: 'probeFailure',
  label: (l10n) => l10n.t('A probe starts failing'),
  timed: true,
  cli: {
    syntax: 'probe:<container>:<liveness|readiness|startup>@<t>',
    example: 'probe:app:liveness@60',
    parse(head, at) {
      const m = at === undefined ? null : /^probe:(.+):(liveness|readiness|startup)$/.exec(head);
      return m && at !== undefined ? { kind: 'probeFailure', container: m[1]!, probe: m[2] as ProbeKind, at } : undefined;
    },
  },
  normalize(json, at) {
    const probe = PROBE_KINDS.find((p) => p === json.probe) ?? 'liveness';
    return { kind: 'probeFailure', container: containerName(json.container), probe, at };
  },
  validate(json, at) {
    const { container, probe } = json;
    const kind = PROBE_KINDS.find((p) => p === probe);
    return isName(container) && kind ? { kind: 'probeFailure', container, probe: kind, at } : undefined;
  },
  fields: ['probeContainer', 'probe'],
  initial(available, at, current) {
    if (current.kind === 'probeFailure') return current;
    const withProbes = available.probes.find((x) => x.probes.includes('liveness')) ?? available.probes[0];
    const probe: ProbeKind = withProbes?.probes.includes('liveness') ? 'liveness' : withProbes?.probes[0] ?? 'liveness';
    return { kind: 'probeFailure', container: withProbes?.container ?? '', probe, at };
  },
  fits: (scenario, available) => available.probes.some((p) => p.container === scenario.container && p.probes.includes(scenario.probe)),

  probeFailsFrom: (scenario, container, probe) => (scenario.container === container.spec.name && scenario.probe === probe ? scenario.at : undefined),
  notes(scenario, run) {
    const container = namedContainer(run, scenario.container);
    if (!container) return;
    if (!container.spec.probes[scenario.probe]) run.note('warning', 'scenario-probe', noProbe(scenario.container, scenario.probe));
    else if (scenario.probe === 'startup' && container.startedAt !== null && container.startedAt <= scenario.at && container.restarts === 0) {
      run.note('info', 'scenario-startup-done', startupAlreadyDone(scenario.container));
    }
  },
};
