/**
 * Sentences about containers that several hover topics share: start order, what a failure does
 * under the pod's restartPolicy, the back-off.
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { initContainers } from '../../model/pod';
import type { PodAnalysis } from '../podAnalysis';
import { ownRestartPolicy } from '../containerRestart';
import { BACKOFF_DEFAULTS, backoffSequence } from '../timing';
import type { KubeVersion } from '../../model/version';
import { label } from './context';
import type { HoverTarget } from './context';
import { code, secs } from './md';
import { joinClauses, joinList } from '../listWords';

/** Hovers on the container item itself: the `name` entry (key or value). */
export function onContainerName(t: HoverTarget): boolean {
  const p = t.inSpec;
  return !!p && p.length === 3 && typeof p[1] === 'number' && p[2] === 'name';
}

/** "first restart at once, then back-off 10 s, 20 s, 40 s … capped at 5 min". */
export function backoffText(): string {
  const seq = backoffSequence();
  return l10n.t('first restart at once, then back-off {0} … capped at {1}', joinList(seq.slice(0, 3).map(secs)), secs(BACKOFF_DEFAULTS.maxSeconds));
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

/**
 * What a container with its own restartPolicy (1.35+, ContainerRestartRules) does when it exits, as
 * K: pkg/api/v1/pod/util.go ContainerShouldRestart decides: the first matching exit-code rule, then its
 * own policy; the pod's restartPolicy does not apply to it. Undefined for a container without one.
 */
export function ownPolicyText(pod: PodSpecModel, c: ContainerModel, version: KubeVersion): string | undefined {
  const own = ownRestartPolicy(c, version);
  if (own === undefined) return undefined;
  const effect = own === 'Always'
    ? l10n.t('it is restarted after any exit ({0})', backoffText())
    : own === 'OnFailure'
      ? l10n.t('it is restarted after a non-zero exit ({0}); exit 0 ends it', backoffText())
      : l10n.t('it is not restarted');
  const head = l10n.t('Its own restartPolicy {0} replaces the pod\'s ({1}) for this container: {2}.', own, pod.restartPolicy.value, effect);
  if (c.restartRules.length === 0) return head;
  const rules = c.restartRules.map((r) => {
    const codes = `[${(r.values ?? []).join(', ')}]`;
    const action = r.action === 'RestartAllContainers' ? l10n.t('restart every container of the pod') : l10n.t('restart');
    return r.operator === 'NotIn' ? l10n.t('exit code not in {0} → {1}', codes, action) : l10n.t('exit code in {0} → {1}', codes, action);
  });
  return l10n.t('{0} Before that, its restartPolicyRules are checked in order and the first that matches the exit code wins: {1}.', head, joinClauses(rules));
}
