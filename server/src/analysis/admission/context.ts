/**
 * What admission needs from outside the pod's own text: the LimitRanges of the pod's namespace. The
 * service builds it from the pod's file and the workspace index; `key` changes whenever the answer may
 * change, so cached analyses of unchanged text are redone when a LimitRange changes.
 */
import type { PodSpecModel } from '../../model/pod';
import type { LimitRangeModel } from './limitRangeModel';

export interface AdmissionContext {
  /** The LimitRanges of the pod's namespace, in the order the plugin applies them. */
  limitRangesFor(pod: PodSpecModel): readonly LimitRangeModel[];
  readonly key: string;
}
