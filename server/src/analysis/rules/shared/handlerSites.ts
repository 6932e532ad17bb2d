/**
 * Shared walk over probe and lifecycle handlers, as pkg/apis/core/validation validateHandler sees
 * them: handler keys are checked in a fixed order (exec, httpGet, tcpSocket, grpc, sleep); the
 * first one set is "the" handler, every later one is an error.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
 */
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { entry, isMap } from '../../../model/tree';
import type { Span, YEntry, YMap } from '../../../model/tree';
import { isDropped } from '../../../model/droppedFields';
import { featureEnabled } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';
import { containerPath } from './fieldPaths';
import { isPresentNull, setEntry } from './values';

export type HandlerKey = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';

export interface HandlerSite {
  readonly container: ContainerModel;
  readonly kind: 'probe' | 'hook';
  /** livenessProbe / readinessProbe / startupProbe / postStart / preStop */
  readonly name: string;
  /** Field path of the probe or hook, e.g. `spec.containers[0].livenessProbe`. */
  readonly path: string;
  readonly node: YMap;
  readonly keySpan: Span;
  /** Handler entries that are set, in validation order. */
  readonly handlers: readonly { readonly key: HandlerKey; readonly entry: YEntry }[];
  /** A handler key is written without a value (possibly a blanked template): the handler is unknown. */
  readonly unknown: boolean;
}

const PROBE_KEYS: readonly HandlerKey[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** Probes and hooks the API server validates: on app containers and sidecars only. */
export function handlerSites(pod: PodSpecModel, version: KubeVersion): HandlerSite[] {
  const sleepOn = featureEnabled(version, 'PodLifecycleSleepAction');
  // The sleep action is dropped by the API server when PodLifecycleSleepAction is off.
  const hookKeys: readonly HandlerKey[] = sleepOn ? ['exec', 'httpGet', 'tcpSocket', 'sleep'] : ['exec', 'httpGet', 'tcpSocket'];
  const out: HandlerSite[] = [];
  for (const c of pod.containers) {
    if (c.role !== 'app' && c.role !== 'sidecar') continue;
    const base = containerPath(pod, c);
    for (const name of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
      const e = entry(c.node, name);
      if (e && isMap(e.value)) out.push(site(c, 'probe', name, `${base}.${name}`, e, e.value, PROBE_KEYS));
    }
    const lifecycle = entry(c.node, 'lifecycle');
    if (lifecycle && isMap(lifecycle.value)) {
      for (const name of ['postStart', 'preStop']) {
        const e = entry(lifecycle.value, name);
        // A hook whose only handler (sleep) the API server drops is removed whole: nothing to validate.
        if (e && isMap(e.value) && !isDropped(pod.dropped, e)) out.push(site(c, 'hook', name, `${base}.lifecycle.${name}`, e, e.value, hookKeys));
      }
    }
  }
  return out;
}

function site(container: ContainerModel, kind: 'probe' | 'hook', name: string, path: string, e: YEntry, node: YMap, keys: readonly HandlerKey[]): HandlerSite {
  const handlers = keys.flatMap((key) => {
    const h = setEntry(node, key);
    return h ? [{ key, entry: h }] : [];
  });
  const unknown = keys.some((key) => isPresentNull(entry(node, key)));
  return { container, kind, name, path, node, keySpan: e.keySpan, handlers, unknown };
}
