/** Lifecycle test helpers: YAML -> the real service's PodAnalysis -> simulate(). */
import { simulate } from '../../../server/src/analysis/lifecycle/index';
import type { SimContainerOut, SimTimeline } from '../../../server/src/analysis/lifecycle/index';
import { createPodService } from '../../../server/src/service/index';

let n = 0;

/** Assumptions that make hand computation easy: no pulls, 1 s starts, app answers at once. */
export const FAST = { schedulingSeconds: 1, sandboxSeconds: 2, imagePullSeconds: 0, containerStartSeconds: 1, appStartSeconds: 0, hookSeconds: 1, shutdownSeconds: 2, runToCompletionSeconds: 10 };

export function sim(yaml: string, scenario?: unknown, assumptions: unknown = FAST, pod = 0): SimTimeline {
  const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
  const file = service.analyze({ uri: `test://lc-${n++}.yaml`, version: 1, text: yaml });
  const ref = file.pods[pod];
  if (!ref) throw new Error('no pod');
  return simulate(ref.analysis, scenario, assumptions);
}

export function box(t: SimTimeline, name: string): SimContainerOut {
  const c = t.containers.find((x) => x.name === name);
  if (!c) throw new Error(`no container ${name}`);
  return c;
}

export function eventsOf(t: SimTimeline, name: string, kind: string): number[] {
  return box(t, name).events.filter((e) => e.kind === kind).map((e) => e.at);
}

export function podYaml(spec: string, kind = 'Pod'): string {
  const body = spec.replace(/^\n/, '').replace(/\s+$/, '');
  if (kind === 'Pod') return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${body}\n`;
  const indented = body.split('\n').map((l) => `      ${l}`).join('\n');
  return `apiVersion: batch/v1\nkind: ${kind}\nmetadata:\n  name: p\nspec:\n  template:\n    spec:\n${indented}\n`;
}
