/**
 * A named `targetPort` is looked up on each selected pod: the EndpointSlice controller's FindPort
 * (k8s.io/endpointslice utils.go) takes the first port of that name and the Service port's protocol in the
 * pod's containers, then in its restartable (sidecar) init containers. A pod without one gets no endpoint
 * for that Service port. Quiet when the Service selects no pod template (service-selector-no-pods says so),
 * for templated objects, for a workload written twice (a Kustomize base and its patch), and when an object of
 * a kind Pod Lens does not model may supply the pods.
 * https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
 */
import * as l10n from '@vscode/l10n';
import type { Finding } from '../../finding';
import { field } from '../../fixes/context';
import { joinList } from '../../listWords';
import type { Span } from '../../../model/tree';
import { mapRequirements } from '../labelSelector';
import type { IndexedObject, PortFacts } from '../objects';
import { objectName, selectedOwners, selectsCustom, templatesIn, writtenTwice, yamlScalar } from './podTemplates';
import type { WorkspaceRule } from './rule';

const CODE = 'service-target-port-unknown';

export const serviceTargetPortUnknown: WorkspaceRule = {
  code: CODE,
  severity: 'warning',
  summary: () => l10n.t('A Service\'s named targetPort is no container port name of the pods it selects, so those pods get no endpoint for it.'),
  docUrl: 'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
  check({ view, file }) {
    const out: Finding[] = [];
    for (const o of view.objectsOf(file)) {
      const s = o.service;
      if (!s || o.templated || s.type === 'ExternalName' || !s.selector) continue;
      const t = templatesIn(view, view.namespaceOf(o));
      if (t.uncertain) continue;
      const reqs = mapRequirements(s.selector);
      const selected = selectedOwners(t, reqs);
      if (selected.length === 0 || selectsCustom(t, reqs)) continue;
      s.ports.forEach((p, i) => {
        const target = p.targetPort;
        // A number, or a string of digits (which the API server refuses as a port name), is not looked up.
        if (!target || typeof target.value !== 'string' || /^\d*$/.test(target.value)) return;
        const name = target.value;
        const lacking = selected.filter((w) => !portsOf(w).some((x) => x.name === name && x.protocol === p.protocol));
        // A base and its overlay patch: the port may come from the other copy.
        if (lacking.length === 0 || lacking.some((w) => writtenTwice(t, w))) return;
        const path = `spec.ports[${i}].targetPort`;
        const all = lacking.length === selected.length;
        const otherProtocol = all ? lacking.flatMap(portsOf).find((x) => x.name === name) : undefined;
        const message = !all
          ? l10n.t('{0}: {1} has no container port named "{2}" with protocol {3}, so its pods get no endpoint for this port while the other pods this Service selects do. Name a container port "{2}" there, or make the pods agree.', path, joinList(lacking.map(objectName)), name, p.protocol)
          : otherProtocol
            ? l10n.t('{0}: the pods this Service selects ({1}) have a port named "{2}", but with protocol {3}, not {4}; a named targetPort must match both, so no pod gets an endpoint for this port and its traffic goes nowhere. Make the two protocols agree.', path, joinList(selected.map(objectName)), name, otherProtocol.protocol, p.protocol)
            : l10n.t('{0}: no container of the pods this Service selects ({1}) has a port named "{2}" with protocol {3}, so no pod gets an endpoint for this port and its traffic goes nowhere. Use a container port\'s name or number, or name the container port "{2}".', path, joinList(selected.map(objectName)), name, p.protocol);
        out.push({ code: CODE, severity: 'warning', span: target.span, message, data: all ? onlyCandidate(selected, p.protocol, target.span) : undefined });
      });
    }
    return out;
  },
  fixes({ finding }) {
    const span = field(finding.data, 'span') as Span | undefined;
    const value = field(finding.data, 'value');
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number' || (typeof value !== 'string' && typeof value !== 'number')) return [];
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    return [{ title: l10n.t('Use the container port {0}', shown), edits: [{ start: span.start, end: span.end, newText: yamlScalar(value) }], preferred: true }];
  },
};

/** The ports FindPort looks at: app containers', then sidecars'. */
function portsOf(o: IndexedObject): PortFacts[] {
  const containers = o.pod?.containers ?? [];
  return [...containers.filter((c) => c.role === 'app'), ...containers.filter((c) => c.role === 'sidecar')].flatMap((c) => c.ports);
}

/** The clear fix: the selected pods have exactly one port name with this protocol, or no name and one number. */
function onlyCandidate(selected: readonly IndexedObject[], protocol: string, span: Span): { span: Span; value: string | number } | undefined {
  const ports = selected.flatMap(portsOf).filter((x) => x.protocol === protocol);
  const names = new Set(ports.map((x) => x.name).filter((n): n is string => n !== undefined && n !== ''));
  if (names.size === 1) return { span, value: [...names][0]! };
  const numbers = new Set(ports.map((x) => x.containerPort).filter((n): n is number => n !== undefined));
  if (names.size === 0 && numbers.size === 1) return { span, value: [...numbers][0]! };
  return undefined;
}
