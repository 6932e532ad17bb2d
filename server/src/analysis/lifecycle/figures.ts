/**
 * Key figures from the spec and timing.ts (the same math the probe and termination hovers show):
 * time to Ready (best/worst, from two happy-path runs), hang -> action per probe, startup budgets,
 * worst-case termination.
 */
import { hangToAction, hangToNotReady, neverUpKill, probeKillDeadline, startupBudget, terminationTimeline, terminationTotal } from '../timing';
import type { SimPod } from './spec';
import type { Bounds, SimFigures, SimProbeFigure } from './types';

export function figures(pod: SimPod, timeToReady: Bounds | null, evictionRank: string): SimFigures {
  const hang: SimProbeFigure[] = [];
  const budgets: { container: string; seconds: number; range?: SimProbeFigure['range'] }[] = [];
  for (const container of pod.containers) {
    const { liveness, readiness, startup } = container.probes;
    if (liveness) {
      const w = hangToAction(liveness.timing);
      // Worst case: the app also ignores SIGTERM, so it is gone only at the SIGKILL deadline.
      const deadline = probeKillDeadline(liveness.timing, pod.grace, container.preStopSeconds ?? 0);
      hang.push({ container: container.name, probe: 'liveness', hangToAction: { best: w.earliest, worst: w.latest + deadline }, range: liveness.span });
    }
    if (readiness) {
      const w = hangToNotReady(readiness.timing);
      hang.push({ container: container.name, probe: 'readiness', hangToAction: { best: w.earliest, worst: w.latest }, range: readiness.span });
    }
    if (startup) {
      // Best: nothing answers (refused at once, as simulated); worst: every attempt times out and the
      // app ignores SIGTERM (the probe hover's "Never up -> SIGKILL at the latest").
      const best = neverUpKill(startup.timing, 'refused').earliest;
      const worst = neverUpKill(startup.timing, 'hang').latest;
      const deadline = probeKillDeadline(startup.timing, pod.grace, container.preStopSeconds ?? 0);
      hang.push({ container: container.name, probe: 'startup', hangToAction: { best, worst: worst + deadline }, range: startup.span });
      budgets.push({ container: container.name, seconds: startupBudget(startup.timing), range: startup.span });
    }
  }
  const stopping = pod.containers.filter((container) => container.role === 'app' || container.role === 'sidecar');
  // Worst case: every container ignores SIGTERM and is killed at its deadline.
  const worst = terminationTotal(terminationTimeline(pod.grace, stopping.map((container) => ({
    name: container.name, role: container.role === 'sidecar' ? 'sidecar' as const : 'app' as const, preStopSeconds: container.preStopSeconds ?? 0,
  }))));
  return {
    timeToReady,
    hangToRestart: hang,
    startupBudget: budgets,
    worstCaseTermination: worst,
    terminationGracePeriodSeconds: pod.grace,
    unreachableTolerationSeconds: pod.unreachableToleration,
    notReadyTolerationSeconds: pod.notReadyToleration,
    qosClass: pod.qosClass,
    evictionRank,
  };
}
