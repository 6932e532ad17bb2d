/**
 * Whether the kubelet restarts a container that exited with a given code. A port of
 * K: pkg/api/v1/pod/util.go ContainerShouldRestart and FindMatchingContainerRestartRule (1.35+,
 * ContainerRestartRules): a container with its own restartPolicy is decided by the first of its
 * restartPolicyRules whose exit codes match (In: listed, NotIn: not listed) — Restart restarts;
 * RestartAllContainers restarts (the whole pod) when RestartAllContainersOnContainerExits is on, else
 * falls through — then by its own policy (Always; OnFailure iff the code is not 0; Never); a container
 * without one follows the pod's restartPolicy. Used by the kubelet's ShouldContainerBeRestarted, the
 * init-container actions and getPhase. Hovers and the simulator read this one function.
 */
import type { ContainerModel, PodSpecModel, RestartRuleModel } from '../model/pod';
import { featureEnabled } from '../model/version';
import type { KubeVersion } from '../model/version';

/** The container's own restartPolicy when the API server keeps it (1.35+; the model drops it at 1.34). */
export function ownRestartPolicy(c: ContainerModel, version: KubeVersion): string | undefined {
  if (c.role === 'ephemeral' || c.role === 'sidecar') return undefined;
  return featureEnabled(version, 'ContainerRestartRules') ? c.restartPolicy : undefined;
}

export function matchingRestartRule(c: ContainerModel, exitCode: number): RestartRuleModel | undefined {
  return c.restartRules.find((r) => {
    if (r.values === undefined) return false;
    const listed = r.values.includes(exitCode);
    return (r.operator === 'In' && listed) || (r.operator === 'NotIn' && !listed);
  });
}

export function containerShouldRestart(c: ContainerModel, pod: PodSpecModel, exitCode: number, version: KubeVersion): boolean {
  if (c.role === 'sidecar') return true;
  const own = ownRestartPolicy(c, version);
  if (own !== undefined) {
    const rule = matchingRestartRule(c, exitCode);
    if (rule?.action === 'Restart') return true;
    if (rule?.action === 'RestartAllContainers' && featureEnabled(version, 'RestartAllContainersOnContainerExits')) return true;
    if (own === 'Always') return true;
    if (own === 'OnFailure') return exitCode !== 0;
    if (own === 'Never') return false;
  }
  const pol = pod.restartPolicy.value;
  return pol === 'Never' ? false : pol === 'OnFailure' ? exitCode !== 0 : true;
}

/** The rule that makes the whole pod restart (RestartAllContainers, gate on), if the exit matches one. */
export function restartsAllContainers(c: ContainerModel, exitCode: number, version: KubeVersion): boolean {
  // Rules only count on a container with its own restartPolicy (sidecars have Always); the model drops them at 1.34.
  if (c.restartPolicy === undefined || c.role === 'ephemeral') return false;
  return featureEnabled(version, 'RestartAllContainersOnContainerExits') && matchingRestartRule(c, exitCode)?.action === 'RestartAllContainers';
}
