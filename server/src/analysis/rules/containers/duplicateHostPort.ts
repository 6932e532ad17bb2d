/**
 * Two ports may not claim the same host port: the API server keys each non-zero hostPort as
 * `protocol/hostIP/hostPort` (protocol defaulted to TCP) and reports every repeat as a Duplicate.
 * App containers are checked together; each init container (sidecars included) only against itself,
 * since init containers run one by one, and then the path names index 0 whatever the container's
 * place, because the API server checks a one-container list (checkHostPortConflicts([]core.Container{ctr})).
 * On a Pod with hostNetwork, core/v1 SetDefaults_Pod (defaultHostNetworkPorts) first copies containerPort
 * into a missing or zero hostPort; templates are not defaulted that way.
 * Spec: pkg/apis/core/validation AccumulateUniqueHostPorts, validateContainers, validateInitContainers.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { bool, entry, isMap, isScalar, isSeq } from '../../../model/tree';
import type { Span, YNode } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q, specPathOf } from '../shared/fieldPaths';
import { intValue } from '../shared/values';

interface HostPortUse {
  readonly key: string;
  readonly span: Span;
  readonly port: number;
  readonly path: string;
}

export const duplicateHostPort: Rule = {
  code: 'duplicate-host-port',
  severity: 'error',
  summary: () => l10n.t('Two ports of a pod claim the same host port, protocol and host IP.'),
  docUrl: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    const apps = pod.containers.filter((c) => c.listKey === 'containers');
    const seen = new Map<string, HostPortUse>();
    for (const c of apps) {
      for (const use of hostPortUses(pod, c, containerPath(pod, c))) {
        const first = seen.get(use.key);
        if (!first) { seen.set(use.key, use); continue; }
        out.push({
          span: use.span,
          message: l10n.t('{0}.hostPort: Duplicate value: {1}. {2} already binds host port {3} with the same protocol and host IP; the containers of a pod share the node\'s ports, so give each its own hostPort (or remove hostPort).', use.path, q(use.key), first.path, String(use.port)),
        });
      }
    }
    for (const c of pod.containers.filter((x) => x.listKey === 'initContainers')) {
      const own = new Map<string, HostPortUse>();
      for (const use of hostPortUses(pod, c, `${specPathOf(pod)}.initContainers[0]`)) {
        const first = own.get(use.key);
        if (!first) { own.set(use.key, use); continue; }
        out.push({
          span: use.span,
          message: l10n.t('{0}.hostPort: Duplicate value: {1}. Init container {2} binds host port {3} twice with the same protocol and host IP; remove one of them. (The API server checks each init container on its own and names it index 0.)', use.path, q(use.key), q(c.name), String(use.port)),
        });
      }
    }
    return out;
  },
};

/** Every non-zero host port of one container, keyed as the API server keys it. */
function hostPortUses(pod: PodSpecModel, c: ContainerModel, shownPath: string): HostPortUse[] {
  const list = entry(c.node, 'ports')?.value;
  if (!isSeq(list)) return [];
  const hostNetworkPod = pod.kind === 'Pod' && bool(entry(pod.spec, 'hostNetwork')?.value) === true;
  const out: HostPortUse[] = [];
  list.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const hp = entry(item, 'hostPort');
    const cp = entry(item, 'containerPort');
    let port = hp ? intValue(hp.value) : 0;
    let at = hp;
    if (port === 0 && hostNetworkPod) {
      port = cp ? intValue(cp.value) : 0;
      at = cp;
    }
    if (port === undefined || port === 0 || !at) return;
    const protocol = text(entry(item, 'protocol')?.value, 'TCP');
    const hostIP = text(entry(item, 'hostIP')?.value, '');
    if (protocol === undefined || hostIP === undefined) return;
    out.push({ key: `${protocol}/${hostIP}/${port}`, span: at.value?.span ?? at.keySpan, port, path: `${shownPath}.ports[${i}]` });
  });
  return out;
}

/** A string field's value: the default when absent, null or empty; undefined when it is not a string. */
function text(node: YNode | undefined, empty: string): string | undefined {
  if (node === undefined) return empty;
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === '') return empty;
  return typeof v === 'string' ? v : undefined;
}
