/**
 * The grace period covers the preStop hook and the app's own shutdown together. The kubelet runs
 * preStop first and subtracts the time it took; only then does it send SIGTERM, with whatever is
 * left — at least 2 s (minimumGracePeriodInSeconds in pkg/kubelet/kuberuntime) — before SIGKILL.
 * A preStop that sleeps as long as terminationGracePeriodSeconds leaves the app no time to drain.
 * (A sleep action longer than the grace period is rejected: see invalid-sleep-action.)
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution
 */
import * as l10n from '@vscode/l10n';
import type { HookModel } from '../../../model/pod';
import { featureEnabled } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { shellScript } from './shellEntrypoint';
import { containerPath, longRunning, spanOr, where } from './util';

/** Seconds a `sleep N` command sleeps (`sleep 5`, `sleep 5s`), or undefined. */
function sleepSeconds(words: readonly string[]): number | undefined {
  if ((words[0] ?? '').split('/').pop() !== 'sleep' || words.length !== 2) return undefined;
  const m = /^(\d+)s?$/.exec(words[1]!);
  return m ? Number(m[1]) : undefined;
}

/** A lower bound of how long the hook runs, in seconds, when it is known. */
export function knownDuration(hook: HookModel, version: KubeVersion): { seconds: number; exact: boolean } | undefined {
  if (hook.actions.length !== 1) return undefined; // no handler or several: invalid-handler reports it
  const a = hook.actions[0]!;
  if (a.type === 'sleep') {
    if (!featureEnabled(version, 'PodLifecycleSleepAction') || !hook.sleepSeconds) return undefined;
    return { seconds: hook.sleepSeconds.value, exact: true };
  }
  if (a.type !== 'exec' || !hook.command) return undefined;
  const direct = sleepSeconds(hook.command);
  if (direct !== undefined) return { seconds: direct, exact: true };
  const sh = shellScript(hook.command);
  if (!sh) return undefined;
  // Sum the plain `sleep N` steps of the script; other steps only add time.
  let total = 0;
  let found = false;
  for (const m of sh.script.matchAll(/(^|[;&|\n(]|\bthen|\bdo)\s*sleep\s+(\d+)s?(?=\s*($|[;&|\n)]))/g)) {
    total += Number(m[2]);
    found = true;
  }
  return found ? { seconds: total, exact: false } : undefined;
}

export const preStopExceedsGrace: Rule = {
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
        span: hook.actions[0]!.type === 'sleep' ? spanOr(hook.sleepSeconds?.node, hook.keySpan) : hook.keySpan,
        message: l10n.t('{0}: the preStop hook takes at least {1} s, and terminationGracePeriodSeconds is {2} s. The grace period counts from before the hook runs; SIGTERM is only sent after the hook ends, so the app gets just the kubelet\'s 2 s minimum to shut down before SIGKILL. Raise terminationGracePeriodSeconds to the preStop time plus the time the app needs to drain.', containerPath(pod, c), d.seconds, grace),
        data: { container: where(c), preStopSeconds: d.seconds, grace },
      });
    }
    return out;
  },
};
