/**
 * A liveness probe without a startupProbe starts counting failures while the app is still starting.
 * The kubelet runs the first probe after initialDelaySeconds and restarts the container after
 * failureThreshold consecutive failures, periodSeconds apart. If that budget is short (< 30 s,
 * the budget of a probe with all defaults: 0 + 3 x 10 s), a slow start (cold JVM, cache warm-up,
 * migrations) is killed and restarted over and over: CrashLoopBackOff that never ends.
 * A startupProbe holds the liveness probe back until the app has started.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, livenessStartBudget, longRunning, probeTiming, where } from './util';

/** Seconds: the default liveness probe's budget (initialDelaySeconds 0 + failureThreshold 3 x periodSeconds 10). */
export const MIN_START_BUDGET = 30;
/** Seconds a suggested startupProbe allows for the start (failureThreshold x periodSeconds). */
export const STARTUP_ALLOWANCE = 300;

export const livenessBeforeStartup: Rule = {
  code: 'liveness-probe-before-startup',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      const p = c.probes.liveness;
      if (!p || c.probes.startup || p.handlers.length === 0) continue;
      const budget = livenessStartBudget(p);
      const t = probeTiming(p);
      if (budget >= MIN_START_BUDGET) continue;
      out.push({
        span: p.keySpan,
        message: l10n.t('{0}.livenessProbe can restart the container {1} s after it starts (initialDelaySeconds {2} + failureThreshold {3} x periodSeconds {4}), and there is no startupProbe. If the app ever takes longer than that to start, the kubelet kills it before it is up, again and again (CrashLoopBackOff). Add a startupProbe that allows the slowest start, or raise initialDelaySeconds/failureThreshold.', containerPath(pod, c), budget, t.initialDelaySeconds, t.failureThreshold, t.periodSeconds),
        data: {
          fix: 'add-startup-probe', container: where(c),
          // A startup probe with the liveness handler and period that allows at least 5 minutes to start.
          periodSeconds: t.periodSeconds,
          failureThreshold: Math.ceil(STARTUP_ALLOWANCE / t.periodSeconds),
        },
      });
    }
    return out;
  },
};
