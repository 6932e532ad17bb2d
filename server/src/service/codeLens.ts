/**
 * Code lenses per pod spec: QoS class and effective cpu/memory requests and limits, the lifecycle
 * preview, and, above an observed pod (a Pod with `status`), its diagnosis against the clock
 * (analysis/observed/phrases.ts), e.g. "CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times;
 * next restart in 2m40s".
 */
import * as l10n from '@vscode/l10n';
import type { ResourceMap } from '../analysis/resourceMath';
import type { Range } from '../model/lineIndex';
import { formatQuantity } from '../model/quantity';
import { diagnosisLine } from '../analysis/observed/index';
import type { PodExplanation } from '../analysis/observed/index';
import type { FileAnalysis } from './fileAnalysis';
import { joinList } from '../analysis/listWords';
import { admittedValuePhrase, settingLimitRanges } from '../analysis/admission/admittedPhrases';

export interface PodCodeLens {
  readonly range: Range;
  readonly title: string;
  readonly tooltip: string;
  readonly command: string;
  readonly arguments: unknown[];
  /** The title depends on the clock (an observed pod's "next restart in ..."): not cached. */
  readonly timed?: boolean;
}

function observedLens(file: FileAnalysis, chunkStart: number, p: PodExplanation, uri: string, podIndex: number | undefined, now: number): PodCodeLens {
  return {
    range: file.lines.range(chunkStart + p.anchorSpan.start, chunkStart + p.anchorSpan.end),
    title: diagnosisLine(p, now),
    tooltip: l10n.t('What the observed status says (pod-lens explain prints the full explanation)'),
    // No command for an observed pod without a spec: there is nothing to preview.
    command: podIndex === undefined ? '' : 'podLens.showLifecyclePreview',
    arguments: podIndex === undefined ? [] : [uri, podIndex],
    timed: true,
  };
}

function cpuMem(m: ResourceMap): string {
  const parts: string[] = [];
  for (const k of ['cpu', 'memory']) {
    const q = m.get(k);
    parts.push(`${k} ${q ? formatQuantity(q) : '–'}`);
  }
  return joinList(parts);
}

export function codeLenses(file: FileAnalysis, uri: string, now: number = Date.now()): PodCodeLens[] {
  const out: PodCodeLens[] = [];
  for (const chunk of file.chunks) {
    for (const p of chunk.analysis.observed ?? []) {
      if (!p.object.analysis) out.push(observedLens(file, chunk.start, p, uri, undefined, now));
    }
  }
  for (const ref of file.pods) {
    const a = ref.analysis;
    const observed = ref.chunk.analysis.observed?.find((p) => p.object.analysis === a);
    if (observed) out.push(observedLens(file, ref.chunk.start, observed, uri, ref.index, now));
    const s = ref.chunk.start + a.pod.anchorSpan.start;
    const range = file.lines.range(s, ref.chunk.start + a.pod.anchorSpan.end);
    const applied = a.limitRanger?.mutation.applied ?? [];
    const title = l10n.t('QoS {0} · requests {1} · limits {2}', a.qos.qosClass, cpuMem(a.effective.requests.total), cpuMem(a.effective.limits.total));
    const tooltip = l10n.t('Effective pod resources as Kubernetes computes them (Kubernetes {0})', `${a.version.major}.${a.version.minor}`);
    out.push({
      range,
      title: applied.length ? l10n.t('{0} · with LimitRange {1}', title, joinList(settingLimitRanges(applied))) : title,
      tooltip: applied.length ? [tooltip, ...applied.map((v) => `${v.container.name}: ${admittedValuePhrase(v)}`)].join('\n') : tooltip,
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
