/**
 * The probe arithmetic the kubelet's prober uses (pkg/kubelet/prober/worker.go), after API
 * defaulting, for the probe rules.
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import type { ProbeModel } from '../../../model/pod';

/**
 * Probe timing after API defaulting (SetDefaults_Probe in pkg/apis/core/v1/defaults.go): a zero
 * periodSeconds/timeoutSeconds/successThreshold/failureThreshold becomes 10/1/1/3.
 */
export function probeTiming(p: ProbeModel): { initialDelaySeconds: number; periodSeconds: number; timeoutSeconds: number; successThreshold: number; failureThreshold: number } {
  const d = (v: number, dflt: number) => (v === 0 ? dflt : v);
  return {
    initialDelaySeconds: Math.max(0, p.initialDelaySeconds.value),
    periodSeconds: Math.max(1, d(p.periodSeconds.value, 10)),
    timeoutSeconds: Math.max(1, d(p.timeoutSeconds.value, 1)),
    successThreshold: Math.max(1, d(p.successThreshold.value, 1)),
    failureThreshold: Math.max(1, d(p.failureThreshold.value, 3)),
  };
}

/**
 * Seconds of consecutive failures before the kubelet acts on a probe: it acts after
 * `failureThreshold` failed probes, `periodSeconds` apart (prober worker.go).
 */
export function failureBudget(p: ProbeModel): number {
  return probeTiming(p).failureThreshold * probeTiming(p).periodSeconds;
}

/**
 * Upper estimate of when a liveness probe can first restart a container that is still starting:
 * the first probe runs after `initialDelaySeconds`, then it needs `failureThreshold` failures
 * `periodSeconds` apart.
 */
export function livenessStartBudget(p: ProbeModel): number {
  return probeTiming(p).initialDelaySeconds + failureBudget(p);
}
