/**
 * The LimitRanges written in one file, as an AdmissionContext for the pods of that file (a LimitRange
 * applies to the pods of its namespace: `metadata.namespace`, else the default namespace). Used when no
 * workspace index answers (a single file in the CLI, an untitled buffer), and by the index for its trees.
 */
import { LineIndex } from '../../model/lineIndex';
import { parseFile } from '../../model/parse';
import type { PodSpecModel } from '../../model/pod';
import type { AdmissionContext } from './context';
import { readLimitRange } from './limitRangeModel';
import type { LimitRangeModel } from './limitRangeModel';

const MENTIONS_LIMIT_RANGE = /^\s*kind\s*:\s*["']?LimitRange\b/m;

export function limitRangesInText(text: string, file: string, uri?: string): LimitRangeModel[] {
  if (!MENTIONS_LIMIT_RANGE.test(text)) return [];
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line + 1;
  const out: LimitRangeModel[] = [];
  for (const d of parseFile(text).documents) {
    const lr = readLimitRange(d.root, { file, ...(uri ? { uri } : {}), lineOf, rangeOf: (s) => lines.range(s.start, s.end) });
    if (lr) out.push(lr);
  }
  return out;
}

/** LimitRanges by namespace, for pods whose namespace is theirs (`defaultNamespace` for either side when unset). */
export function admissionFor(ranges: readonly LimitRangeModel[], defaultNamespace: string, key: string): AdmissionContext | undefined {
  if (ranges.length === 0) return undefined;
  return {
    key,
    limitRangesFor: (pod: PodSpecModel) => ranges.filter((lr) => (lr.namespace ?? defaultNamespace) === (pod.namespace ?? defaultNamespace)),
  };
}
