/**
 * Render a chart or an overlay and read its sources: the one entry the CLI and the language server use.
 * Returns the rendered set, or why there is none (the tool is missing, or it failed, with the file and
 * line it named).
 */
import { chartMapper } from '../../render/helmChart';
import { packagedOf } from '../../render/packagedOrigin';
import { kustomizeRendered } from '../../render/kustomizeSet';
import type { RenderedSet } from '../../render/rendered';
import { helmFailure, readChart, runHelm } from './helm';
import type { HelmRequest, ToolFailure } from './helm';
import { kustomizeFailure, layerFiles, readLayer, remoteFailure, runKustomize } from './kustomize';
import type { RunOptions } from './run';

export type RenderOutcome =
  | { readonly ok: true; readonly set: RenderedSet }
  | { readonly ok: false; readonly kind: 'missing'; readonly tool: 'helm' | 'kustomize'; readonly command: string }
  | { readonly ok: false; readonly kind: 'cancelled' }
  | { readonly ok: false; readonly kind: 'failed'; readonly failure: ToolFailure; readonly sources: ReadonlyMap<string, string> };

export async function renderHelmChart(req: HelmRequest, options: RunOptions = {}): Promise<RenderOutcome> {
  // helm starts first: the chart is read and the mapping prepared while it renders.
  const running = runHelm(req, options);
  const chart = readChart(req);
  const sources = new Map<string, string>([...chart.files].filter(([rel]) => !packagedOf(rel, chart.packaged)).map(([rel, text]) => [chart.display === '.' ? rel : `${chart.display}/${rel}`, text]));
  const mapOutput = chartMapper(chart);
  const result = await running;
  if (!result.ok) {
    if (result.reason === 'missing') return { ok: false, kind: 'missing', tool: 'helm', command: req.helm };
    if (result.reason === 'cancelled') return { ok: false, kind: 'cancelled' };
    return { ok: false, kind: 'failed', failure: helmFailure(result.stderr || result.message, chart.display, chart), sources };
  }
  return { ok: true, set: mapOutput(result.stdout) };
}

export async function renderKustomization(tool: string, dir: string, options: RunOptions = {}): Promise<RenderOutcome> {
  const shown = dir.replace(/\/+$/, '') || '.';
  const layer = readLayer(dir, shown);
  const sources = new Map<string, string>(layer ? layerFiles(layer).map((f) => [f.file, f.text]) : []);
  const refused = layer && remoteFailure(layer);
  if (refused) return { ok: false, kind: 'failed', failure: refused, sources };
  const result = await runKustomize(tool, dir, options);
  if (!result.ok) {
    if (result.reason === 'missing') return { ok: false, kind: 'missing', tool: 'kustomize', command: tool };
    if (result.reason === 'cancelled') return { ok: false, kind: 'cancelled' };
    return { ok: false, kind: 'failed', failure: kustomizeFailure(result.stderr || result.message, layer, shown), sources };
  }
  if (!layer) return { ok: false, kind: 'failed', failure: { file: `${shown}/kustomization.yaml`, message: 'no kustomization.yaml' }, sources };
  return { ok: true, set: kustomizeRendered(result.stdout, layer) };
}
