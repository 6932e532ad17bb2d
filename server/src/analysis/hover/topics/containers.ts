/**
 * Hover on `containers` and on each app container: when it starts, when it is Ready, what happens
 * when it exits under this pod's restartPolicy, and how it stops.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import * as l10n from '@vscode/l10n';
import type { PodSpecModel } from '../../../model/pod';
import { appContainers, initContainers, sidecars } from '../../../model/pod';
import { probeTiming, timeToReady } from '../../timing';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { exitText, onContainerName, ownPolicyText } from '../containerPhrases';
import { blocks, bullets, code, DOCS, heading, link, names, range } from '../md';

export function containersHover(t: HoverTarget): string | undefined {
  const { pod } = t.analysis;
  const p = t.inSpec;
  if (p && p.length === 1 && p[0] === 'containers') return overview(pod);
  if (!onContainerName(t)) return undefined;
  const c = containerOf(pod, p);
  if (!c || c.role !== 'app') return undefined;
  const apps = appContainers(pod);
  const ready = timeToReady({ startup: probeTiming(c.probes.startup), readiness: probeTiming(c.probes.readiness) });
  return blocks(
    heading(l10n.t('App container {0} of {1}: {2}', apps.indexOf(c) + 1, apps.length, code(label(c)))),
    bullets([
      startText(pod),
      c.probes.readiness || c.probes.startup
        ? l10n.t('Ready {0} after it starts (from its probes; assuming the app answers at once).', range(ready.earliest, ready.latest))
        : l10n.t('No readinessProbe: it counts as Ready as soon as it is running.'),
      ownPolicyText(pod, c, t.analysis.version) ?? exitText(pod),
      l10n.t('On termination it gets SIGTERM (after its preStop hook) and at most terminationGracePeriodSeconds ({0} s) in all before SIGKILL.', pod.terminationGracePeriodSeconds.value),
    ]),
    link(DOCS.podLifecycle),
  );
}

function startText(pod: PodSpecModel): string {
  const inits = initContainers(pod);
  const last = inits[inits.length - 1];
  const running = sidecars(pod).map(label);
  if (!last) return l10n.t('Starts with the other app containers as soon as the pod is scheduled (there are no init containers).');
  const after = last.role === 'sidecar' ? l10n.t('sidecar {0} has started', code(label(last))) : l10n.t('{0} has exited with code 0', code(label(last)));
  return running.length
    ? l10n.t('Starts after the last init container: {0}; sidecars {1} keep running beside it.', after, names(running))
    : l10n.t('Starts after the last init container: {0}.', after);
}

function overview(pod: PodSpecModel): string {
  const apps = appContainers(pod);
  const gated = apps.filter((c) => c.probes.readiness).map(label);
  return blocks(
    heading(l10n.t('App containers ({0})', apps.length)),
    bullets([
      initContainers(pod).length
        ? l10n.t('They start together, after every init container has succeeded and every sidecar has started.')
        : l10n.t('They start together as soon as the pod is scheduled.'),
      l10n.t('The pod is Ready when all of them and all sidecars are Ready (and every readiness gate is True).'),
      gated.length ? l10n.t('Readiness comes from the readinessProbe of {0}; the others are Ready once running.', names(gated)) : undefined,
      exitText(pod),
      l10n.t('On termination they are stopped in parallel; sidecars stop after them.'),
    ]),
    link(DOCS.podLifecycle),
  );
}

