/**
 * Parts of a pod spec that several rules look at: the containers that run for the pod's whole
 * life, its volumes, the Job kinds, and the `{ list, index }` data that lets a quick fix find a
 * container again.
 */
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { get, isMap, items, str } from '../../../model/tree';
import type { YMap } from '../../../model/tree';

/** Data quick fixes use to find the container again. */
export function where(c: ContainerModel): { list: string; index: number } {
  return { list: c.listKey, index: c.index };
}

/** Containers that run for the life of the pod: app containers and sidecars. */
export function longRunning(pod: PodSpecModel): ContainerModel[] {
  return pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
}

export const JOB_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);

/** The pod spec's `volumes`, as maps. */
export function volumes(pod: PodSpecModel): { name: string | undefined; index: number; node: YMap }[] {
  return items(get(pod.spec, 'volumes')).flatMap((v, index) => (isMap(v) ? [{ name: str(get(v, 'name')), index, node: v }] : []));
}

/** The Job spec of a Job or CronJob (`spec`, `spec.jobTemplate.spec`) and its path, else undefined. */
export function jobSpecOf(pod: PodSpecModel): { node: YMap; path: string } | undefined {
  const path = pod.kind === 'Job' ? ['spec'] : pod.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : undefined;
  if (!path) return undefined;
  let node: ReturnType<typeof get> = pod.root;
  for (const k of path) node = get(node, k);
  return isMap(node) ? { node, path: path.join('.') } : undefined;
}
