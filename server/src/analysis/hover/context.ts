/** What every hover topic gets: the pod's analysis and where the cursor is. */
import type { ContainerListKey, ContainerModel, PodSpecModel } from '../../model/pod';
import type { Span } from '../../model/tree';
import type { PodExplanation } from '../observed/index';
import type { PodAnalysis } from '../podAnalysis';
import type { PathSegment } from './locate';

export interface HoverTarget {
  readonly analysis: PodAnalysis;
  /** Path from the workload root (`spec`, `template`, ...). */
  readonly path: readonly PathSegment[];
  /** Path inside the pod spec, when the cursor is in it. */
  readonly inSpec: readonly PathSegment[] | undefined;
  readonly onKey: boolean;
  readonly span: Span;
  /** The pod's observed status explained, when the object is a Pod with `status`. */
  readonly observed?: PodExplanation | undefined;
}

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * One hover topic (topics/<name>.ts, registered in topics/index.ts): markdown for the target, or
 * undefined when the target is not its business.
 */
export interface HoverTopic {
  /** The topic's file name in topics/ (tests check that each has a test file and zh-cn strings). */
  readonly name: string;
  readonly explain: (target: HoverTarget) => string | undefined;
}

const LISTS: readonly string[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** The container whose item the spec path is in (`containers[1]...`). */
export function containerOf(pod: PodSpecModel, inSpec: readonly PathSegment[] | undefined): ContainerModel | undefined {
  if (!inSpec || inSpec.length < 2) return undefined;
  const [list, index] = inSpec;
  if (typeof list !== 'string' || !LISTS.includes(list) || typeof index !== 'number') return undefined;
  return pod.containers.find((c) => c.listKey === (list as ContainerListKey) && c.index === index);
}

/** The name to show for a container: its name, else its list position. */
export function label(c: ContainerModel): string {
  return c.name !== '' ? c.name : `${c.listKey}[${c.index}]`;
}
