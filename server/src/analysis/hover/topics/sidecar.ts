/**
 * Hover on a sidecar (an init container with restartPolicy: Always) and on that restartPolicy:
 * when it starts, what gates the next init container, that it keeps running and always restarts,
 * that it stops after the app containers, and what it adds to the pod's effective requests.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../../model/quantity';
import type { ContainerModel } from '../../../model/pod';
import { initContainers, sidecars } from '../../../model/pod';
import { FEATURES, featureEnabled, formatKubeVersion } from '../../../model/version';
import { probeTiming, timeToStarted } from '../../timing';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { backoffText, onContainerName, predecessorText, successorText } from '../containerPhrases';
import { blocks, bullets, code, DOCS, heading, link, names, range, table } from '../md';

import { joinSentences } from '../../listWords';
export function sidecarHover(t: HoverTarget): string | undefined {
  const { pod, version } = t.analysis;
  const c = containerOf(pod, t.inSpec);
  if (!c || c.listKey !== 'initContainers') return undefined;
  const onPolicy = t.inSpec!.length === 3 && t.inSpec![2] === 'restartPolicy';
  if (!onPolicy && !onContainerName(t)) return undefined;
  if (c.role !== 'sidecar') {
    if (!onPolicy || c.restartPolicy !== 'Always' || featureEnabled(version, 'SidecarContainers')) return undefined;
    return blocks(
      heading(l10n.t('restartPolicy: Always on an init container')),
      l10n.t('Kubernetes {0} has no sidecar containers (the SidecarContainers feature is on by default from 1.{1}): the API server drops this field and {2} runs as a regular init container.', formatKubeVersion(version), FEATURES.SidecarContainers, code(label(c))),
      link(DOCS.sidecar),
    );
  }
  const list = initContainers(pod);
  const all = sidecars(pod);
  const i = all.indexOf(c);
  const later = all.slice(i + 1).reverse().map(label);
  const earlier = all.slice(0, i).reverse().map(label);
  const startup = probeTiming(c.probes.startup);
  const started = timeToStarted(startup);
  const policy = pod.restartPolicy.value;
  return blocks(
    heading(l10n.t('Sidecar {0} (init container {1} of {2}, restartPolicy: Always)', code(label(c)), list.indexOf(c) + 1, list.length)),
    bullets([
      predecessorText(pod, c),
      startup
        ? l10n.t('The next step ({0}) starts once this sidecar\'s startupProbe has succeeded ({1} after it starts).', successorText(pod, c), range(started.earliest, started.latest))
        : l10n.t('The next step ({0}) starts as soon as this sidecar is running (after its postStart hook, if any); it does not wait for readiness.', successorText(pod, c)),
      l10n.t('It keeps running beside the app containers for the whole life of the pod.'),
      l10n.t('It is restarted whenever it exits, whatever the pod\'s restartPolicy ({0}): {1}.', policy, backoffText()),
      c.probes.readiness ? l10n.t('Its readinessProbe counts toward the pod\'s Ready condition.') : undefined,
      stopText(later, earlier),
      pod.kind === 'Job' || pod.kind === 'CronJob' ? l10n.t('It does not keep a Job\'s pod from completing: once the app containers have exited, it is stopped.') : undefined,
    ]),
    resourcesTable(t, c),
    link(DOCS.sidecar),
  );
}

function stopText(later: string[], earlier: string[]): string {
  const base = l10n.t('On termination it stops only after every app container has exited, in reverse order of declaration.');
  if (later.length && earlier.length) return joinSentences([base, l10n.t('It stops after {0} and before {1}.', names(later), names(earlier))]);
  if (later.length) return joinSentences([base, l10n.t('It stops after {0}.', names(later))]);
  if (earlier.length) return joinSentences([base, l10n.t('It stops before {0}.', names(earlier))]);
  return base;
}

/** What this sidecar adds: its requests count in the steady state and under every later init container. */
function resourcesTable(t: HoverTarget, c: ContainerModel): string | undefined {
  const own = t.analysis.containerResources.get(c)?.requests;
  if (!own || own.size === 0) return l10n.t('It sets no requests, so it adds nothing to the pod\'s effective requests.');
  const r = t.analysis.effective.requests;
  const rows = [...own.keys()].map((k) => [k, formatQuantity(own.get(k)!), fmt(r.sidecars.get(k)), fmt(r.total.get(k))]);
  return blocks(
    l10n.t('Its requests are added to the steady state (app containers + sidecars) and to every init container that starts after it:'),
    table([l10n.t('Resource'), l10n.t('This sidecar'), l10n.t('All sidecars'), l10n.t('Pod effective request')], rows, [false, true, true, true]),
  );
}

function fmt(q: Parameters<typeof formatQuantity>[0] | undefined): string {
  return q ? formatQuantity(q) : '—';
}
