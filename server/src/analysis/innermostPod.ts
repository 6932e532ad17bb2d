/**
 * The one "pod at this offset" rule, for hovers, code lenses, `podLens/analysis` and the preview:
 * the innermost pod whose object contains the offset; of two that both contain it (one ends where
 * the next begins), the later one.
 */
import type { Span } from '../model/tree';

export function innermostPod<T>(pods: readonly T[], spanOf: (pod: T) => Span, offset: number): T | undefined {
  let best: T | undefined;
  let bestSize = Infinity;
  for (const pod of pods) {
    const span = spanOf(pod);
    const size = span.end - span.start;
    if (span.start <= offset && offset <= span.end && size <= bestSize) {
      best = pod;
      bestSize = size;
    }
  }
  return best;
}
