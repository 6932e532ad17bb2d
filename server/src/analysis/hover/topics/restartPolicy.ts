/**
 * Hover on the pod's restartPolicy (and a container-level restartPolicy outside initContainers):
 * what it means for app containers, init containers and sidecars, and what the workload allows.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
 */
import * as l10n from '@vscode/l10n';
import { initContainers, sidecars } from '../../../model/pod';
import { ownRestartPolicy } from '../../containerRestart';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { exitText, ownPolicyText } from '../containerPhrases';
import { atLeast, FEATURE_ALPHA, featureEnabled, formatKubeVersion } from '../../../model/version';
import { initFailureText } from '../containerPhrases';
import { blocks, bullets, code, DOCS, heading, link, names } from '../md';

const LONG_RUNNING = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet']);

export function restartPolicyHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p) return undefined;
  if (p.length === 3 && p[2] === 'restartPolicy') {
    const c = containerOf(t.analysis.pod, p);
    if (!c || c.listKey === 'initContainers') return undefined; // sidecar.ts
    const v = t.analysis.version;
    // K: pkg/api/pod/util.go dropContainerRestartRules (1.34), pkg/apis/core/validation validateContainers.
    const text = c.role === 'ephemeral'
      ? l10n.t('Ephemeral containers never accept a restartPolicy: the API server rejects it.')
      : featureEnabled(v, 'ContainerRestartRules')
        ? ownPolicyText(t.analysis.pod, c, v)
        : atLeast(v, FEATURE_ALPHA.ContainerRestartRules!)
          ? l10n.t('At Kubernetes {0} the API server drops this field (the ContainerRestartRules feature gate is off by default until 1.35): the container follows the pod\'s restartPolicy ({1}).', formatKubeVersion(v), t.analysis.pod.restartPolicy.value)
          : l10n.t('Before Kubernetes 1.34 only init containers may set restartPolicy (Always makes them sidecars); on an app container the API server rejects it. From 1.35 any container may set its own.');
    return blocks(
      heading(l10n.t('restartPolicy on {0}', code(label(c)))),
      text,
      link(DOCS.restartPolicy),
    );
  }
  if (p.length !== 1 || p[0] !== 'restartPolicy') return undefined;
  const { pod } = t.analysis;
  const policy = pod.restartPolicy.value;
  const written = pod.restartPolicy.node !== undefined;
  const side = sidecars(pod).map(label);
  const own = pod.containers.filter((c) => ownRestartPolicy(c, t.analysis.version) !== undefined).map((c) => `${label(c)}: ${c.restartPolicy!}`);
  return blocks(
    heading(written ? l10n.t('restartPolicy: {0}', policy) : l10n.t('restartPolicy: {0} (default)', policy)),
    bullets([
      exitText(pod),
      initContainers(pod).some((c) => c.role === 'init') ? initFailureText(t.analysis) : undefined,
      own.length ? l10n.t('Containers with their own restartPolicy follow it instead: {0}.', names(own)) : undefined,
      side.length ? l10n.t('Sidecars {0} are restarted whenever they exit, whatever this policy says.', names(side)) : undefined,
      policy !== 'Never' || side.length ? l10n.t('A restart happens in place, on the same node: the pod keeps its name and IP; only the container is recreated.') : undefined,
    ]),
    workloadText(pod.kind, policy),
    link(DOCS.restartPolicy),
  );
}

function workloadText(kind: string, policy: string): string | undefined {
  if (LONG_RUNNING.has(kind)) {
    return policy === 'Always'
      ? l10n.t('A {0} only accepts Always: its pods are meant to run forever.', kind)
      : l10n.t('A {0} only accepts Always: the API server rejects {1}.', kind, policy);
  }
  if (kind === 'Job' || kind === 'CronJob') {
    return policy === 'Always'
      ? l10n.t('A {0} only accepts OnFailure or Never: the API server rejects Always (and Always is the default, so set it).', kind)
      : policy === 'Never'
        ? l10n.t('With Never, a failed pod is replaced by a new pod from the Job controller (counted against backoffLimit), rather than restarted in place.')
        : l10n.t('With OnFailure, failed containers restart in the same pod; each restart counts against the Job\'s backoffLimit.');
  }
  if (kind === 'Pod' && policy === 'Always') return l10n.t('A bare Pod is never rescheduled: if its node fails, it is gone.');
  return undefined;
}
