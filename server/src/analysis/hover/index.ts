/**
 * Hovers that explain this pod: the entry point. Finds the pod under the cursor and the YAML key or
 * value it is on, then asks each topic of the registry (topics/index.ts) in turn; the first answer wins. Chunk-local offsets.
 */
import type { ChunkAnalysis } from '../chunkAnalysis';
import { innermostPod } from '../innermostPod';
import type { HoverResult, HoverTarget } from './context';
import { locate, startsWith } from './locate';
import { observedEffects } from './observedEffects';
import { HOVER_TOPICS } from './topics/index';

export type { HoverResult } from './context';

export function hoverAt(chunk: ChunkAnalysis, localOffset: number): HoverResult | undefined {
  if (!Number.isFinite(localOffset)) return undefined;
  const analysis = innermostPod(chunk.pods, (a) => a.pod.span, localOffset);
  if (!analysis) return undefined;
  const found = locate(analysis.pod.root, localOffset);
  if (!found) return undefined;
  const specPath = analysis.pod.specPath;
  const target: HoverTarget = {
    analysis, path: found.path, onKey: found.onKey, span: found.span,
    inSpec: startsWith(found.path, specPath) ? found.path.slice(specPath.length) : undefined,
    observed: chunk.observed?.find((o) => o.object.analysis === analysis),
  };
  // In an observed pod, a spec field that causes an observed effect says so after its own hover.
  const effects = target.inSpec ? observedEffects(target.observed, found.span) : [];
  for (const topic of HOVER_TOPICS) {
    const markdown = topic.explain(target);
    if (markdown) return { markdown: [markdown, ...effects].join('\n\n'), span: found.span };
  }
  return effects.length ? { markdown: effects.join('\n\n'), span: found.span } : undefined;
}
