/** What a quick fix gets: the chunk text, the pod it is about, the finding and the target version. */
import type { ContainerModel } from '../../model/pod';
import type { Span } from '../../model/tree';
import type { KubeVersion } from '../../model/version';
import type { PodAnalysis } from '../podAnalysis';
import type { TextEdit } from './text';

export interface FixInput {
  /** The YAML document chunk the pod is in; all spans and edits are offsets into it. */
  readonly text: string;
  readonly analysis: PodAnalysis;
  readonly version: KubeVersion;
  readonly finding: { readonly code: string; readonly span: Span; readonly data?: unknown };
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one to apply with "auto fix". */
  readonly preferred?: boolean;
}

/** Reads a plain-JSON `data` field safely. */
export function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
}

/** The container a finding's `data.container` (or `data.where`) names: `{ list, index }`. */
export function containerOf(input: FixInput, key = 'container'): ContainerModel | undefined {
  const ref = field(input.finding.data, key);
  const list = field(ref, 'list');
  const index = field(ref, 'index');
  if (typeof list !== 'string' || typeof index !== 'number') return undefined;
  return input.analysis.pod.containers.find((c) => c.listKey === list && c.index === index);
}

/** Keep only fixes that actually produced edits. */
export function fix(title: string, edits: readonly (TextEdit | undefined)[], preferred = false): QuickFix[] {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return [];
  return [{ title, edits: edits as TextEdit[], ...(preferred ? { preferred } : {}) }];
}
