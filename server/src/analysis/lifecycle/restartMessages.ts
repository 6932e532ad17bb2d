/**
 * The sentences about a container's own restartPolicy and restartPolicyRules (1.35+), localized
 * (l10n/parts/lifecycle.zh-cn.json). Kept apart from messages.ts so the restart decisions of stop.ts
 * carry their own wording.
 */
import * as l10n from '@vscode/l10n';

export const R = {
  /** A regular container (or init container) with its own policy that decides against a restart. */
  notRestartedOwn: (policy: string) => l10n.t('Not restarted (the container\'s own restartPolicy {0}).', policy),
  /** The first matching rule said Restart. */
  ruleRestart: (code: number) => l10n.t('Exit code {0} matches a restartPolicyRules entry with action Restart: the kubelet restarts the container.', code),
  /** A regular init container failed and will not be restarted by its own policy. */
  initFailedOwn: (policy: string) => l10n.t('An init container failed and its own restartPolicy is {0}: the pod fails.', policy),
  /** The first matching rule said RestartAllContainers (gate on): not simulated. */
  ruleRestartAll: (code: number) => l10n.t('Exit code {0} matches a restartPolicyRules entry with action RestartAllContainers: the kubelet would restart every container of the pod.', code),
};

export const RN = {
  restartAllNotSimulated: (name: string) => l10n.t('Container "{0}" has a restartPolicyRules entry with action RestartAllContainers. When it matches, the kubelet sets the AllContainersRestarting condition, kills and removes every container (grace period 0: no preStop, SIGKILL 2 s after SIGTERM) and starts the pod again from its first init container in the same sandbox. The simulation does not model this: it restarts only that container.', name),
};
