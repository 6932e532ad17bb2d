/** One code lens per pod spec: QoS class and effective cpu/memory requests and limits. */
import * as l10n from '@vscode/l10n';
import type { ResourceMap } from '../analysis/resourceMath';
import type { Range } from '../model/lineIndex';
import { formatQuantity } from '../model/quantity';
import type { FileAnalysis } from './fileAnalysis';
import { joinList } from '../analysis/listWords';

export interface PodCodeLens {
  readonly range: Range;
  readonly title: string;
  readonly tooltip: string;
  readonly command: string;
  readonly arguments: unknown[];
}

function cpuMem(m: ResourceMap): string {
  const parts: string[] = [];
  for (const k of ['cpu', 'memory']) {
    const q = m.get(k);
    parts.push(`${k} ${q ? formatQuantity(q) : '–'}`);
  }
  return joinList(parts);
}

export function codeLenses(file: FileAnalysis, uri: string): PodCodeLens[] {
  const out: PodCodeLens[] = [];
  for (const ref of file.pods) {
    const a = ref.analysis;
    const s = ref.chunk.start + a.pod.anchorSpan.start;
    const range = file.lines.range(s, ref.chunk.start + a.pod.anchorSpan.end);
    out.push({
      range,
      title: l10n.t('QoS {0} · requests {1} · limits {2}', a.qos.qosClass, cpuMem(a.effective.requests.total), cpuMem(a.effective.limits.total)),
      tooltip: l10n.t('Effective pod resources as Kubernetes computes them (Kubernetes {0})', `${a.version.major}.${a.version.minor}`),
      command: 'podLens.showEffectiveResources',
      arguments: [uri, ref.index],
    });
    out.push({
      range,
      title: l10n.t('Lifecycle preview'),
      tooltip: l10n.t('Show how this pod starts, becomes Ready and terminates'),
      command: 'podLens.showLifecyclePreview',
      arguments: [uri, ref.index],
    });
  }
  return out;
}
