/**
 * `pod-lens check --helm CHART ...` and `check --kustomize DIR` (issue 15): render with the real tool, analyse
 * every rendered pod, report per source file (`files` = the chart's or overlay's files, named from the
 * argument) with `renderedFrom` on each pod. A missing tool is a usage/I-O error (exit 2) with how to set
 * its path; a render failure is one error diagnostic where the tool says.
 */
import { renderHelmChart, renderKustomization } from '../node/render/renderProject';
import type { PodService } from '../service/index';
import { analyzeRendered, failureReports, missingToolMessage } from '../service/rendered';
import type { RenderedFileReport } from '../service/rendered';
import type { PodLensSettings } from '../service/settings';
import type { RenderOptions } from './args';

export async function checkRendered(render: RenderOptions, service: PodService, settings: Partial<PodLensSettings>, env: NodeJS.ProcessEnv = process.env): Promise<{ files: RenderedFileReport[] } | { error: string }> {
  const outcome = render.kind === 'helm'
    ? await renderHelmChart({
      helm: render.toolPath ?? env['POD_LENS_HELM'] ?? 'helm',
      chart: render.dir, valuesFiles: render.valuesFiles, set: render.set,
      release: render.release ?? 'release', ...(render.namespace ? { namespace: render.namespace } : {}),
    })
    : await renderKustomization(render.toolPath ?? env['POD_LENS_KUSTOMIZE'] ?? 'kustomize', render.dir);
  if (outcome.ok) return { files: analyzeRendered(service, outcome.set, settings) };
  if (outcome.kind === 'missing') return { error: missingToolMessage(outcome.tool, outcome.command) };
  if (outcome.kind === 'cancelled') return { error: 'cancelled' };
  return { files: failureReports(outcome.sources, outcome.failure, render.kind) };
}
