/**
 * Hover on `initContainers` and on each regular init container: its place in the sequence, what
 * happens when it fails under this pod's restartPolicy, and why it must be idempotent.
 * https://kubernetes.io/docs/concepts/workloads/pods/init-containers/
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../../model/quantity';
import type { ContainerModel } from '../../../model/pod';
import { initContainers } from '../../../model/pod';
import type { PodAnalysis } from '../../podAnalysis';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { initFailureText, onContainerName, ownPolicyText, predecessorText, successorText } from '../containerPhrases';
import { blocks, bullets, code, DOCS, heading, link, names } from '../md';
import { joinList } from '../../listWords';

function peakText(analysis: PodAnalysis, c: ContainerModel): string | undefined {
  const r = analysis.effective.requests;
  const set = [...r.initPeakBy].filter(([, by]) => by === c.name && c.name !== '').map(([k]) => `${k} ${formatQuantity(r.initPeak.get(k)!)}`);
  return set.length ? l10n.t('It sets the pod\'s init-phase peak request: {0} (this container plus the sidecars started before it).', joinList(set)) : undefined;
}

export function initContainerHover(t: HoverTarget): string | undefined {
  const { pod } = t.analysis;
  const p = t.inSpec;
  if (p && p.length === 1 && p[0] === 'initContainers') return overview(t.analysis);
  if (!onContainerName(t)) return undefined;
  const c = containerOf(pod, p);
  if (!c || c.role !== 'init') return undefined;
  const list = initContainers(pod);
  const n = list.indexOf(c) + 1;
  const running = list.slice(0, n - 1).filter((x) => x.role === 'sidecar').map(label);
  return blocks(
    heading(l10n.t('Init container {0} of {1}: {2}', n, list.length, code(label(c)))),
    bullets([
      predecessorText(pod, c),
      l10n.t('The next step ({0}) starts only after this one exits with code 0.', successorText(pod, c)),
      running.length ? l10n.t('Sidecars already running beside it: {0}.', names(running)) : undefined,
      l10n.t('While it runs, the pod status shows Init:{0}/{1}.', n - 1, list.length),
    ]),
    ownPolicyText(pod, c, t.analysis.version) ?? initFailureText(t.analysis),
    l10n.t('Must be idempotent: it runs again when the pod restarts, and a retry may find half-done work.'),
    peakText(t.analysis, c),
    link(DOCS.init),
  );
}

function overview(analysis: PodAnalysis): string {
  const list = initContainers(analysis.pod);
  // A sidecar with a startupProbe only counts as started once that probe succeeds (KEP-753).
  const steps = list.map((c, i) => c.role === 'sidecar'
    ? c.probes.startup
      ? l10n.t('{0}. {1} (sidecar): starts, keeps running; the next one waits until its startupProbe has succeeded', i + 1, code(label(c)))
      : l10n.t('{0}. {1} (sidecar): starts, keeps running; the next one waits until it has started', i + 1, code(label(c)))
    : l10n.t('{0}. {1}: runs to completion (exit 0)', i + 1, code(label(c))));
  return blocks(
    heading(l10n.t('Init containers ({0})', list.length)),
    l10n.t('They run one at a time, in this order, before any app container starts:'),
    steps.map((s) => `${s}`).join('\n'),
    initFailureText(analysis),
    list.some((c) => c.role === 'init') ? l10n.t('Must be idempotent: it runs again when the pod restarts, and a retry may find half-done work.') : undefined,
    link(DOCS.init),
  );
}
