/**
 * Sentences about containers that several hover topics share: start order, what a failure does
 * under the pod's restartPolicy, the back-off.
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { initContainers } from '../../model/pod';
import type { PodAnalysis } from '../podAnalysis';
import { BACKOFF_DEFAULTS, backoffSequence } from '../timing';
import { label } from './context';
import type { HoverTarget } from './context';
import { code, secs } from './md';

/** Hovers on the container item itself: the `name` entry (key or value). */
export function onContainerName(t: HoverTarget): boolean {
  const p = t.inSpec;
  return !!p && p.length === 3 && typeof p[1] === 'number' && p[2] === 'name';
}

/** "first restart at once, then back-off 10 s, 20 s, 40 s … capped at 5 min". */
export function backoffText(): string {
  const seq = backoffSequence();
  return l10n.t('first restart at once, then back-off {0} … capped at {1}', seq.slice(0, 3).map(secs).join(', '), secs(BACKOFF_DEFAULTS.maxSeconds));
}

/** What starts after init container i: the next init container or sidecar, or the app containers. */
export function successorText(pod: PodSpecModel, c: ContainerModel): string {
  const list = initContainers(pod);
  const next = list[list.indexOf(c) + 1];
  if (next) return next.role === 'sidecar' ? l10n.t('sidecar {0}', code(label(next))) : code(label(next));
  return l10n.t('the app containers');
}

/** How init container i's start is gated by its predecessor. */
export function predecessorText(pod: PodSpecModel, c: ContainerModel): string {
  const list = initContainers(pod);
  const prev = list[list.indexOf(c) - 1];
  if (!prev) return l10n.t('Starts first, once the pod is scheduled and its volumes are set up.');
  if (prev.role === 'sidecar') {
    return prev.probes.startup
      ? l10n.t('Starts after sidecar {0} has started and its startupProbe has succeeded.', code(label(prev)))
      : l10n.t('Starts after sidecar {0} has started.', code(label(prev)));
  }
  return l10n.t('Starts after {0} exits with code 0.', code(label(prev)));
}

export function initFailureText(analysis: PodAnalysis): string {
  const { pod } = analysis;
  const policy = pod.restartPolicy.value;
  if (policy === 'Never') {
    return pod.kind === 'Job' || pod.kind === 'CronJob'
      ? l10n.t('A failing init container (non-zero exit) fails the whole pod at once (phase Failed, restartPolicy Never): it is not retried in this pod. The Job controller may create a new pod, counted against backoffLimit.')
      : l10n.t('A failing init container (non-zero exit) fails the whole pod at once (phase Failed, restartPolicy Never): it is not retried.');
  }
  const how = policy === 'Always'
    ? l10n.t('pod restartPolicy Always → init containers are retried as with OnFailure')
    : l10n.t('restartPolicy {0}', policy);
  return l10n.t('A failing init container (non-zero exit) is restarted by the kubelet ({0}): {1}. Meanwhile the pod stays Pending with status Init:CrashLoopBackOff and nothing after it starts.', how, backoffText());
}

export function exitText(pod: PodSpecModel): string {
  switch (pod.restartPolicy.value) {
    case 'Never': return l10n.t('An app container that exits (or fails its liveness probe) is not restarted (restartPolicy Never).');
    case 'OnFailure': return l10n.t('An app container that exits non-zero (or fails its liveness probe) is restarted (restartPolicy OnFailure): {0}. Exit 0 ends it for good.', backoffText());
    default: return l10n.t('An app container that exits, with any code, is restarted (restartPolicy Always): {0}; CrashLoopBackOff in between.', backoffText());
  }
}
