/**
 * Hovers that explain this pod: the entry point. Finds the pod under the cursor and the YAML key or
 * value it is on, then asks each topic (one file per topic) in turn. Chunk-local offsets.
 */
import type { ChunkAnalysis } from '../chunkAnalysis';
import type { PodAnalysis } from '../podAnalysis';
import { activeDeadlineHover } from './activeDeadline';
import { containersHover } from './containers';
import type { HoverResult, HoverTarget, Topic } from './context';
import { emptyDirHover } from './emptyDir';
import { ephemeralHover } from './ephemeral';
import { initContainerHover } from './initContainers';
import { kindHover } from './kind';
import { locate, startsWith } from './locate';
import { probeHover } from './probes';
import { readinessGatesHover } from './readinessGates';
import { resourcesHover } from './resources';
import { restartPolicyHover } from './restartPolicy';
import { sidecarHover } from './sidecar';
import { strategyHover } from './strategy';
import { terminationHover } from './termination';
import { tolerationsHover } from './tolerations';

export type { HoverResult } from './context';

const TOPICS: readonly Topic[] = [
  kindHover, strategyHover, activeDeadlineHover,
  sidecarHover, initContainerHover, containersHover, ephemeralHover,
  probeHover, restartPolicyHover, terminationHover, resourcesHover,
  readinessGatesHover, tolerationsHover, emptyDirHover,
];

/** The innermost pod whose object contains the offset (a List holds several). */
function podAt(chunk: ChunkAnalysis, offset: number): PodAnalysis | undefined {
  let best: PodAnalysis | undefined;
  for (const a of chunk.pods) {
    const s = a.pod.span;
    if (s.start <= offset && offset <= s.end && (!best || s.end - s.start < best.pod.span.end - best.pod.span.start)) best = a;
  }
  return best;
}

export function hoverAt(chunk: ChunkAnalysis, localOffset: number): HoverResult | undefined {
  if (!Number.isFinite(localOffset)) return undefined;
  const analysis = podAt(chunk, localOffset);
  if (!analysis) return undefined;
  const found = locate(analysis.pod.root, localOffset);
  if (!found) return undefined;
  const specPath = analysis.pod.specPath;
  const target: HoverTarget = {
    analysis, path: found.path, onKey: found.onKey, span: found.span,
    inSpec: startsWith(found.path, specPath) ? found.path.slice(specPath.length) : undefined,
  };
  for (const topic of TOPICS) {
    const markdown = topic(target);
    if (markdown) return { markdown, span: found.span };
  }
  return undefined;
}
