/**
 * The grace period covers the preStop hook and the app's own shutdown together. The kubelet runs
 * preStop first and subtracts the time it took; only then does it send SIGTERM, with whatever is
 * left — at least 2 s (minimumGracePeriodInSeconds in pkg/kubelet/kuberuntime) — before SIGKILL.
 * A preStop that sleeps as long as terminationGracePeriodSeconds leaves the app no time to drain.
 * (A sleep action longer than the grace period is rejected: see invalid-sleep-action.)
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { knownDuration } from '../shared/commands';
import { shellScript } from '../shared/commands';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { nodeSpan } from '../shared/spans';

export const prestopExceedsGracePeriod: Rule = {
  code: 'prestop-exceeds-grace-period',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution',
  check({ analysis: { pod }, version }) {
    const grace = pod.terminationGracePeriodSeconds.value;
    if (grace < 0) return []; // negative-termination-grace-period reports it
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      const hook = c.lifecycle.preStop;
      if (!hook) continue;
      const d = knownDuration(hook, version);
      if (!d || d.seconds < grace) continue;
      // A sleep action above the grace period is an API error (invalid-sleep-action), not this warning.
      if (hook.actions[0]!.type === 'sleep' && d.seconds > grace) continue;
      out.push({
        span: hook.actions[0]!.type === 'sleep' ? nodeSpan(hook.sleepSeconds?.node, hook.keySpan) : hook.keySpan,
        message: l10n.t('{0}: the preStop hook takes at least {1} s, and terminationGracePeriodSeconds is {2} s. The grace period counts from before the hook runs; SIGTERM is only sent after the hook ends, so the app gets just the kubelet\'s 2 s minimum to shut down before SIGKILL. Raise terminationGracePeriodSeconds to the preStop time plus the time the app needs to drain.', containerPath(pod, c), d.seconds, grace),
        data: { container: where(c), preStopSeconds: d.seconds, grace },
      });
    }
    return out;
  },
  summary: () => l10n.t('The preStop hook uses up terminationGracePeriodSeconds, leaving the app no time to shut down after SIGTERM.'),
  quietOnTemplates: true,
};
