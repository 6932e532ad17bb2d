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
  /** The first matching rule said RestartAllContainers (gate on): the whole pod restarts (restartAll.ts). */
  ruleRestartAll: (code: number) => l10n.t('Exit code {0} matches a restartPolicyRules entry with action RestartAllContainers: the kubelet restarts every container of the pod.', code),
};

/** The whole-pod restart of restartAll.ts. */
export const RM = {
  restartAllBegins: () => l10n.t('AllContainersRestarting: the kubelet kills the other containers one by one without preStop and removes every container of the pod; the sandbox stays.'),
  restartAllKill: (seconds: number) => l10n.t('SIGTERM (RestartAllContainers: grace period 0, raised to the {0} s minimum, no preStop).', seconds),
  restartAllStarts: () => l10n.t('Every container is removed: the pod starts again from its first init container, at once (no exited container is left to back off from). Initialized stays True; each restartCount goes up by one.'),
};
