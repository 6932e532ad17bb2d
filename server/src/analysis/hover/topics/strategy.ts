/**
 * Hover on a Deployment's `strategy` (and minReadySeconds): how a rolling update replaces pods,
 * with this pod's Ready and termination numbers; StatefulSet/DaemonSet `updateStrategy` briefly.
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment
 */
import * as l10n from '@vscode/l10n';
import type { PodSpecModel } from '../../../model/pod';
import { get, getPath, int, isScalar, str } from '../../../model/tree';
import type { YNode } from '../../../model/tree';
import { probeTiming, timeToReady } from '../../timing';
import type { Window } from '../../timing';
import type { HoverTarget } from '../context';
import { blocks, bullets, DOCS, heading, link, range, secs } from '../md';

/** intstr: an integer, or "N%" of replicas rounded up (surge) or down (unavailable): ResolveFenceposts. */
function resolve(node: YNode | undefined, replicas: number, roundUp: boolean): number | undefined {
  const v = isScalar(node) && node.value !== null ? node.value : '25%'; // the default for both
  if (typeof v === 'number' && Number.isInteger(v)) return Math.max(0, v);
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  if (!m) return undefined;
  const exact = (replicas * Number(m[1])) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** When the pod's long-running containers are all Ready, after they start. */
export function podReadyWindow(pod: PodSpecModel): Window {
  let earliest = 0;
  let latest = 0;
  for (const c of pod.containers) {
    if (c.role !== 'app' && c.role !== 'sidecar') continue;
    const w = timeToReady({ startup: probeTiming(c.probes.startup), readiness: probeTiming(c.probes.readiness) });
    earliest = Math.max(earliest, w.earliest);
    latest = Math.max(latest, w.latest);
  }
  return { earliest, latest };
}

export function strategyHover(t: HoverTarget): string | undefined {
  const { pod } = t.analysis;
  const top = t.path[0] === 'spec' ? t.path[1] : undefined;
  if (pod.kind === 'Deployment' && (top === 'strategy' || top === 'minReadySeconds')) return deployment(pod);
  if ((pod.kind === 'StatefulSet' || pod.kind === 'DaemonSet') && top === 'updateStrategy') return updateStrategy(pod);
  return undefined;
}

function deployment(pod: PodSpecModel): string {
  const spec = get(pod.root, 'spec');
  const replicas = Math.max(0, int(get(spec, 'replicas')) ?? 1);
  const type = str(getPath(spec, ['strategy', 'type'])) ?? 'RollingUpdate';
  const minReady = Math.max(0, int(get(spec, 'minReadySeconds')) ?? 0);
  const grace = Math.max(0, pod.terminationGracePeriodSeconds.value);
  const ready = podReadyWindow(pod);
  if (type === 'Recreate') {
    return blocks(
      heading(l10n.t('Deployment strategy: Recreate')),
      bullets([
        l10n.t('Every old pod is terminated first (preStop, SIGTERM, up to {0} s before SIGKILL); new pods are created only once they are all gone.', grace),
        l10n.t('There is downtime: nothing serves until a new pod is Ready ({0} after its containers start, plus init time).', range(ready.earliest, ready.latest)),
      ]),
      link(DOCS.deployment),
    );
  }
  const ru = getPath(spec, ['strategy', 'rollingUpdate']);
  let surge = resolve(get(ru, 'maxSurge'), replicas, true);
  let unavailable = resolve(get(ru, 'maxUnavailable'), replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1; // ResolveFenceposts never lets a rollout stall
  surge ??= 0;
  unavailable ??= 0;
  return blocks(
    heading(l10n.t('Deployment strategy: RollingUpdate')),
    bullets([
      l10n.t('replicas {0}: during a rollout at most {1} pods exist (maxSurge {2}) and at least {3} stay available (maxUnavailable {4}).', replicas, replicas + surge, surge, Math.max(0, replicas - unavailable), unavailable),
      // A pod joins the endpoints as soon as it is Ready; minReadySeconds only delays "available",
      // which is what the rollout counts (deployment/util: IsPodAvailable).
      l10n.t('A new pod joins the Service endpoints once it is Ready ({0} after its containers start, from its probes), and counts as available after staying Ready for minReadySeconds ({1}).', range(ready.earliest, ready.latest), secs(minReady)),
      l10n.t('Old pods are deleted only as far as maxUnavailable allows: each turns Terminating, leaves the endpoints, runs preStop, gets SIGTERM, and is killed after at most {0} s.', grace),
      l10n.t('Old and new pods serve side by side until the last old pod is gone. A rollout that makes no progress for progressDeadlineSeconds (default 600 s) is marked failed, but not rolled back.'),
    ]),
    link(DOCS.deployment),
  );
}

function updateStrategy(pod: PodSpecModel): string {
  const type = str(getPath(pod.root, ['spec', 'updateStrategy', 'type'])) ?? 'RollingUpdate';
  const text = type === 'OnDelete'
    ? l10n.t('OnDelete: changing the template replaces nothing; a pod gets the new template only when you delete it.')
    : pod.kind === 'StatefulSet'
      ? l10n.t('RollingUpdate: pods are replaced one at a time, from the highest ordinal down; each must be Running and Ready before the next is updated (pods below partition are kept).')
      : l10n.t('RollingUpdate: on each node the old pod is deleted and a new one created (maxUnavailable 1, maxSurge 0 by default).');
  return blocks(heading(l10n.t('{0} updateStrategy: {1}', pod.kind, type)), text, link(pod.kind === 'StatefulSet' ? DOCS.statefulSet : DOCS.daemonSet));
}
