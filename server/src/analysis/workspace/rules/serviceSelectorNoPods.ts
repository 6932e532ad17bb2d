/**
 * A Service sends traffic to the pods its `spec.selector` selects in its own namespace (the EndpointSlice
 * controller lists pods with labels.SelectorFromSet(service.Spec.Selector)). A selector that no Pod or
 * workload pod template of that namespace matches leaves the Service without endpoints. Quiet for a
 * Service without a selector (its endpoints are managed by hand), for ExternalName, when the namespace has
 * no pod template at all (its pods are defined elsewhere), when a template comes from Helm actions, and when
 * an object of a kind Pod Lens does not model has a matching `spec.template`.
 * https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { field } from '../../fixes/context';
import type { Span } from '../../../model/tree';
import { mapRequirements, shownLabels } from '../labelSelector';
import type { IndexedObject, ServiceFacts } from '../objects';
import { objectName, selectedOwners, selectsCustom, templatesIn, yamlScalar } from './podTemplates';
import type { WorkspaceRule } from './rule';

const CODE = 'service-selector-no-pods';

export const serviceSelectorNoPods: WorkspaceRule = {
  code: CODE,
  severity: 'warning',
  summary: () => l10n.t('A Service\'s selector matches no pod template in its namespace, so the Service has no endpoints.'),
  docUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
  check({ view, file }) {
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      const s = o.service;
      if (!s || o.templated || s.type === 'ExternalName' || !s.selector || !s.selectorSpan) continue;
      const namespace = view.namespaceOf(o);
      const t = templatesIn(view, namespace);
      if (t.uncertain || t.owners.length === 0) continue;
      const reqs = mapRequirements(s.selector);
      if (selectedOwners(t, reqs).length > 0 || selectsCustom(t, reqs)) continue;
      out.push({
        code: CODE,
        severity: 'warning',
        span: s.selectorSpan,
        message: l10n.t('spec.selector: no Pod or workload pod template in namespace {0} has the labels {1}, so this Service has no endpoints and its traffic goes nowhere. Select the labels of the pods it should reach (a Service without a selector is for endpoints managed by hand).', namespace, shownLabels(s.selector)),
        data: oneValueOff(s, t.owners),
      });
    }
    return out;
  },
  fixes({ finding }) {
    const span = field(finding.data, 'span') as Span | undefined;
    const key = field(finding.data, 'key');
    const value = field(finding.data, 'value');
    const owner = field(finding.data, 'owner');
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number' || typeof key !== 'string' || typeof value !== 'string' || typeof owner !== 'string') return [];
    return [{
      title: l10n.t('Set the selector\'s {0} to {1} (the label of {2})', key, value, owner),
      edits: [{ start: span.start, end: span.end, newText: yamlScalar(value) }],
    }];
  },
};

/**
 * The clear fix: exactly one pod template differs from the selector in exactly one label's value (a typo or
 * a rename); data for the edit that writes that value, else undefined.
 */
function oneValueOff(s: ServiceFacts, owners: readonly IndexedObject[]): { span: Span; key: string; value: string; owner: string } | undefined {
  const hits: { key: string; value: string; owner: IndexedObject }[] = [];
  for (const o of owners) {
    const labels = o.pod!.labels;
    const off = [...s.selector!].filter(([k, v]) => labels.get(k) !== v);
    const [k, v] = off[0] ?? [];
    if (off.length === 1 && k !== undefined && v !== undefined && labels.has(k)) hits.push({ key: k, value: labels.get(k)!, owner: o });
  }
  const distinct = new Set(hits.map((h) => `${h.key}\u0000${h.value}`));
  const hit = hits[0];
  const span = hit && s.selectorValueSpans.get(hit.key);
  if (distinct.size !== 1 || !hit || !span) return undefined;
  return { span, key: hit.key, value: hit.value, owner: objectName(hit.owner) };
}
