/** Shared test helpers: analyse YAML through the real service. */
import { createPodService } from '../../server/src/service/index';
import type { PodLensSettings } from '../../server/src/service/settings';
import type { PodSummary } from '../../server/src/protocol/analysis';

let n = 0;

export function analyzeYaml(text: string, settings: Partial<PodLensSettings> = {}) {
  const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
  const doc = { uri: `test://doc-${n++}.yaml`, version: 1, text };
  return { service, doc, file: service.analyze(doc, settings), diagnostics: service.diagnostics(doc, settings), result: service.analysis(doc, settings) };
}

export function pods(text: string, settings: Partial<PodLensSettings> = {}): readonly PodSummary[] {
  return analyzeYaml(text, settings).result.pods;
}

export function onlyPod(text: string, settings: Partial<PodLensSettings> = {}): PodSummary {
  const p = pods(text, settings);
  if (p.length !== 1) throw new Error(`expected 1 pod, got ${p.length}`);
  return p[0]!;
}

/** A Pod manifest from container blocks (YAML flow or block text, indented for `spec:`). */
export function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec.replace(/^\n/, '').replace(/\s+$/, '')}\n`;
}
