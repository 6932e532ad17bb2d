/**
 * `sh -c 'step; app'` as the container's command makes the shell PID 1 of the container. The kernel
 * delivers no signal to PID 1 that it has no handler for, and a shell installs none for SIGTERM, so
 * on every stop (rollout, scale-down, node drain) the SIGTERM is ignored, the app never hears it,
 * and the kubelet waits the whole terminationGracePeriodSeconds before SIGKILL.
 * `exec app` as the last step (or a `trap`) fixes it. A script of one simple command is quiet: bash
 * and dash exec a lone command themselves.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { bool, entry, get } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { scriptIsSafe, shellScript } from '../shared/commands';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';

export const shellEntrypoint: Rule = {
  code: 'shell-entrypoint',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  check({ analysis: { pod } }) {
    // With a shared process namespace the pause container is PID 1, not the shell.
    if (bool(get(pod.spec, 'shareProcessNamespace')) === true) return [];
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      // Only `command` replaces the image ENTRYPOINT; args alone run under an entrypoint we cannot see.
      if (!c.command) continue;
      const found = shellScript([...c.command, ...(c.args ?? [])]);
      if (!found || scriptIsSafe(found.script)) continue;
      const e = entry(c.node, 'command');
      out.push({
        span: e ? e.keySpan : c.span,
        message: l10n.t('{0}: the command runs "{1} -c" with a script, so the shell is PID 1. PID 1 ignores SIGTERM unless it installs a handler, and the shell forwards nothing to the app: every stop waits the full terminationGracePeriodSeconds ({2} s) and ends in SIGKILL. Start the last command of the script with exec (exec my-app ...), or use an init process such as tini.', containerPath(pod, c), found.shell, pod.terminationGracePeriodSeconds.value),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('A shell script as the container command is PID 1 and ignores SIGTERM, so every stop waits for the whole grace period.'),
  quietOnTemplates: true,
};
