/**
 * Hovers that explain this pod: the entry point. Finds the pod under the cursor and the YAML key or
 * value it is on, then asks each topic (one file per topic) in turn. Chunk-local offsets.
 */
import type { ChunkAnalysis } from '../chunkAnalysis';
import { innermostPod } from '../innermostPod';
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
  };
  for (const topic of TOPICS) {
    const markdown = topic(target);
    if (markdown) return { markdown, span: found.span };
  }
  return undefined;
}
