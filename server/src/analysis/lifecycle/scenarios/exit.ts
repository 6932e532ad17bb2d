/**
 * A container's process exits with a code at `at` (and again after the same run length on every
 * later run, so a crash loop shows its back-off). The restart policy decides what follows.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { boundedSeconds } from '../assumptions';
import { containerName, isInt, isName, namedContainer } from './definition';
import type { ScenarioDefinition } from './definition';

export interface ExitScenario { readonly kind: 'exit'; readonly container: string; readonly exitCode: number; readonly at: number }

const notRunningAt = (name: string) => l10n.t('Container "{0}" is not running at the chosen time, so it does not exit then.', name);

export const exitScenario: ScenarioDefinition<ExitScenario> = {
  kind: 'exit',
  label: (l10n) => l10n.t('A container exits'),
  timed: true,
  cli: {
    syntax: 'exit:<container>:<code>@<t>',
    example: 'exit:app:1@30',
    parse(head, at) {
      const m = at === undefined ? null : /^exit:(.+):(-?\d+)$/.exec(head);
      return m ? exitScenario.normalize({ container: m[1], exitCode: Number(m[2]) }, boundedSeconds(at, 60)) : undefined;
    },
  },
  normalize(json, at) {
    const code = json.exitCode;
    const exitCode = typeof code === 'number' && Number.isInteger(code) ? Math.max(-2147483648, Math.min(2147483647, code)) : 1;
    return { kind: 'exit', container: containerName(json.container), exitCode, at };
  },
  validate(json, at) {
    const { container, exitCode } = json;
    return isName(container) && isInt(exitCode, 0, 255) ? { kind: 'exit', container, exitCode, at } : undefined;
  },
  fields: ['exitContainer', 'exitCode'],
  initial(available, at, current) {
    const app = available.exitContainers.find((x) => x.role === 'app') ?? available.exitContainers[0];
    return { kind: 'exit', container: current.kind === 'exit' ? current.container : app?.name ?? '', exitCode: current.kind === 'exit' ? current.exitCode : 1, at };
  },
  fits: (scenario, available) => available.exitContainers.some((c) => c.name === scenario.container),

  exit(scenario, container, processStart, naturalEnd) {
    if (scenario.container !== container.spec.name) return undefined;
    const visible = processStart + (container.spec.postStartSeconds ?? 0);
    let when: number | undefined;
    if (container.exitRunLength !== undefined) when = processStart + container.exitRunLength;
    else if (scenario.at < naturalEnd) when = Math.max(scenario.at, visible);
    if (when === undefined || when > naturalEnd) return undefined;
    container.exitRunLength = when - processStart;
    return { at: when, code: scenario.exitCode };
  },
  notes(scenario, run) {
    const container = namedContainer(run, scenario.container);
    if (container && container.exitRunLength === undefined) run.note('info', 'scenario-not-running', notRunningAt(scenario.container));
  },
};
