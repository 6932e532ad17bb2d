/**
 * Requests set equal to limits, for request-exceeds-limit and non-overcommittable-resource: the
 * one resource the finding names, and every request of the block (a Guaranteed pod needs every
 * cpu and memory request equal to its limit).
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#guaranteed
 */
import * as l10n from '@vscode/l10n';
import type { ResourceEntry } from '../../model/pod';
import { compareQuantities } from '../../model/quantity';
import { entry, isMap } from '../../model/tree';
import type { YMap } from '../../model/tree';
import { containerOf, field, fix } from './context';
import type { FixInput, QuickFix } from './context';
import { setValue } from './text';
import type { TextEdit } from './text';

/** The requirements map at a finding's `where` ({ owner: 'container' | 'pod', list, index }). */
function requirements(input: FixInput): { node: YMap; requests: readonly ResourceEntry[]; limits: readonly ResourceEntry[]; name: string } | undefined {
  const owner = field(field(input.finding.data, 'where'), 'owner');
  if (owner === 'container') {
    const c = containerOf(input, 'where');
    if (!c || !c.resources.node) return undefined;
    return { node: c.resources.node, requests: c.resources.requests, limits: c.resources.limits, name: c.name };
  }
  const r = input.analysis.pod.podResources;
  if (owner === 'pod' && r?.node) return { node: r.node, requests: r.requests, limits: r.limits, name: 'spec.resources' };
  return undefined;
}

function setRequest(text: string, node: YMap, requests: readonly ResourceEntry[], limit: ResourceEntry): TextEdit | undefined {
  const value = limit.node ? text.slice(limit.node.span.start, limit.node.span.end) : limit.raw;
  const r = requests.find((x) => x.name === limit.name);
  const reqEntry = entry(node, 'requests');
  if (r) {
    const e = isMap(reqEntry?.value) ? entry(reqEntry!.value, r.name) : undefined;
    return e ? setValue(text, e, value) : undefined;
  }
  // A missing request already defaults to the limit.
  return undefined;
}

export function requestToLimitFixes(input: FixInput): QuickFix[] {
  const { text } = input;
  const req = requirements(input);
  const resource = field(input.finding.data, 'resource');
  if (!req || typeof resource !== 'string') return [];
  const out: QuickFix[] = [];
  const limit = req.limits.find((l) => l.name === resource);
  if (limit) out.push(...fix(l10n.t('Set the {0} request to the limit ({1})', resource, limit.raw), [setRequest(text, req.node, req.requests, limit)], true));
  out.push(...requestsEqualLimits(text, req, limit ? resource : undefined));
  return out;
}

/**
 * Every request that differs from its limit set to the limit. Not offered when it would only
 * repeat the single-resource fix for `already`.
 */
function requestsEqualLimits(text: string, req: { node: YMap; requests: readonly ResourceEntry[]; limits: readonly ResourceEntry[]; name: string }, already: string | undefined): QuickFix[] {
  const edits: TextEdit[] = [];
  const names: string[] = [];
  for (const l of req.limits) {
    const r = req.requests.find((x) => x.name === l.name);
    if (!r || !l.quantity || (r.quantity && compareQuantities(r.quantity, l.quantity) === 0)) continue;
    const e = setRequest(text, req.node, req.requests, l);
    if (e) { edits.push(e); names.push(l.name); }
  }
  if (edits.length === 0 || (names.length === 1 && names[0] === already)) return [];
  return fix(l10n.t('Set every request of "{0}" equal to its limit (Guaranteed QoS)', req.name), edits);
}
