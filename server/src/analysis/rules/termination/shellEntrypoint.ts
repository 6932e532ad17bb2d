/**
 * `sh -c '...'` as the container's command starts the shell as PID 1 of the container. Whether it
 * stays PID 1 depends on the shell and the script (measured on the real shells, commands.ts
 * shellPid1): dash, the sh of Debian and Ubuntu, stays even for a lone command; bash 5.1+ and busybox
 * sh replace themselves with the last command in most scripts. A shell that stays PID 1 gets no
 * SIGTERM (the kernel delivers to PID 1 only signals it has a handler for, and a trap runs only after
 * the foreground command returns) and passes nothing on: on every stop the app never hears SIGTERM,
 * and the kubelet waits the whole terminationGracePeriodSeconds before SIGKILL.
 * `exec app` as the last command, or an init such as tini, fixes it whatever the shell.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 */
import * as l10n from '@vscode/l10n';
import { bool, entry, get } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { pid1Reason, shellKeepsPid1 } from '../shared/commands';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';

export const shellEntrypoint: Rule = {
  code: 'shell-entrypoint',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  check({ analysis: { pod } }) {
    // With a shared process namespace the pause container is PID 1, not the shell.
    const shared = bool(get(pod.spec, 'shareProcessNamespace')) === true;
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      // Only `command` replaces the image ENTRYPOINT; args alone run under an entrypoint we cannot see.
      const found = shellKeepsPid1(c.command, c.args, shared);
      if (!found) continue;
      const e = entry(c.node, 'command');
      out.push({
        span: e ? e.keySpan : c.span,
        message: l10n.t('{0}: the command runs "{1} -c" with a script that does not start its last command with exec, so the shell can stay PID 1 of the container. {3} A shell that stays PID 1 ignores SIGTERM and passes nothing to the app: every stop waits the full terminationGracePeriodSeconds ({2} s) and ends in SIGKILL. Start the last command with exec (exec my-app ...) or use an init process such as tini; a trap on TERM is no substitute. The app itself must then handle SIGTERM.', containerPath(pod, c), found.shell, pod.terminationGracePeriodSeconds.value, pid1Reason(found.shell, found.pid1)),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('A shell script as the container command can keep the shell as PID 1 (dash always does without exec), where it ignores SIGTERM, so every stop waits for the whole grace period.'),
  quietOnTemplates: true,
};
