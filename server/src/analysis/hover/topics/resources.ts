/**
 * Hover on `resources` (container and pod level) and `overhead`: the container's contribution, the
 * pod's effective requests/limits with the formula filled in (from PodAnalysis, never recomputed),
 * and the QoS class with its reason.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity } from '../../../model/quantity';
import type { Quantity } from '../../../model/quantity';
import { describeQos } from '../../qosReason';
import type { ResourceBreakdown } from '../../effectiveResources';
import type { PodAnalysis } from '../../podAnalysis';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link, table } from '../md';
import { joinList, joinSentences } from '../../listWords';
import { admittedValuePhrase } from '../../admission/admittedPhrases';
import type { ContainerModel } from '../../../model/pod';

const q = (v: Quantity | undefined) => (v ? formatQuantity(v) : '—');

export function resourcesHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p || p.length === 0) return undefined;
  const a = t.analysis;
  if (p[0] === 'overhead') return overhead(a);
  if (p[0] === 'resources') return podLevel(a);
  if (p.length < 3 || p[2] !== 'resources') return undefined;
  const c = containerOf(a.pod, p);
  if (!c) return undefined;
  if (c.role === 'ephemeral') {
    return blocks(heading(l10n.t('resources of {0}', code(label(c)))), l10n.t('Ephemeral containers cannot set resources: the API server rejects them. They run within what the pod already has.'), link(DOCS.ephemeral));
  }
  const own = a.containerResources.get(c);
  const names = [...new Set([...(own?.requests.keys() ?? []), ...(own?.limits.keys() ?? []), ...a.effective.requests.total.keys()])];
  const rows = names.map((k) => [k, q(own?.requests.get(k)), q(own?.limits.get(k)), q(a.effective.requests.total.get(k)), q(a.effective.limits.total.get(k))]);
  const role = c.role === 'init' ? l10n.t('init container: counts only while it runs (init peak)')
    : c.role === 'sidecar' ? l10n.t('sidecar: counts in the steady state and under every later init container')
      : l10n.t('app container: counts in the steady state');
  return blocks(
    heading(l10n.t('resources of {0} ({1})', code(label(c)), role)),
    rows.length ? table([l10n.t('Resource'), l10n.t('Request'), l10n.t('Limit'), l10n.t('Pod request'), l10n.t('Pod limit')], rows, [false, true, true, true, true]) : l10n.t('No requests or limits.'),
    own && own.defaultedFromLimits.length ? l10n.t('Requests copied from limits by the API server: {0}.', joinList(own.defaultedFromLimits)) : undefined,
    admittedBy(a, c),
    formulas(a),
    qos(a),
    link(DOCS.resources),
  );
}

/** What the LimitRanger admission plugin set in this container, and where each value was written. */
function admittedBy(a: PodAnalysis, c: ContainerModel): string | undefined {
  const applied = a.limitRanger?.mutation.applied.filter((v) => v.container === c) ?? [];
  if (applied.length === 0) return undefined;
  return blocks(l10n.t('Set at admission (the file has no value there):'), bullets(applied.map((v) => admittedValuePhrase(v, code))));
}

/** One line per resource: max(init peak, steady state) + overhead = total, with numbers. */
export function formulas(a: PodAnalysis): string | undefined {
  const lines = [
    ...formulaLines(a.effective.requests, l10n.t('request')),
    ...formulaLines(a.effective.limits, l10n.t('limit')),
  ];
  return lines.length ? blocks(l10n.t('Pod effective value = max(init peak, steady state) + overhead:'), bullets(lines)) : undefined;
}

function formulaLines(b: ResourceBreakdown, what: string): string[] {
  return [...b.total.keys()].map((k) => {
    const over = b.overhead.get(k);
    const plus = over ? ` + ${l10n.t('overhead')} ${formatQuantity(over)}` : '';
    const pl = b.podLevel.get(k);
    if (pl) return l10n.t('{0} {1}: pod-level {2} (replaces the container sum){3} = **{4}**', k, what, formatQuantity(pl), plus, formatQuantity(b.total.get(k)!));
    const by = b.initPeakBy.get(k);
    const peak = b.initPeak.get(k) ? `${formatQuantity(b.initPeak.get(k)!)}${by ? ` (${code(by)})` : ''}` : '0';
    return l10n.t('{0} {1}: max(init peak {2}, steady {3}){4} = **{5}**', k, what, peak, q(b.steady.get(k)) === '—' ? '0' : q(b.steady.get(k)), plus, formatQuantity(b.total.get(k)!));
  });
}

export function qos(a: PodAnalysis): string {
  return `**${l10n.t('{0}:', l10n.t('QoS class'))}** ${joinSentences([describeQos(a.qos), link(DOCS.qos)])}`;
}

function podLevel(a: PodAnalysis): string {
  const pl = a.podLevel;
  return blocks(
    heading(l10n.t('Pod-level resources')),
    pl
      ? l10n.t('For cpu and memory they replace the sum of the containers as the pod\'s requests and limits; containers without their own limits may use up to the pod limit.')
      : l10n.t('Kubernetes {0}.{1} ignores pod-level resources (the PodLevelResources feature is on by default from 1.34): the API server drops them.', a.version.major, a.version.minor),
    formulas(a),
    qos(a),
    link(DOCS.resources),
  );
}

function overhead(a: PodAnalysis): string {
  const rows = [...a.effective.requests.overhead].map(([k, v]) => [k, formatQuantity(v), q(a.effective.requests.total.get(k)), q(a.effective.limits.total.get(k))]);
  return blocks(
    heading(l10n.t('Pod overhead')),
    l10n.t('The cost of the pod sandbox (a RuntimeClass\'s overhead, normally filled in by the RuntimeClass admission controller). It is added to the pod\'s requests, and to its limits where a limit is set; the scheduler, quota and the kubelet all count it.'),
    rows.length ? table([l10n.t('Resource'), l10n.t('Overhead'), l10n.t('Pod request'), l10n.t('Pod limit')], rows, [false, true, true, true]) : undefined,
    formulas(a),
    link(DOCS.overhead),
  );
}
