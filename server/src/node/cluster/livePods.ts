/**
 * Live pods, read from the cluster (issue 17): one pod (`pod-lens explain --from-cluster NS/POD`, the editor's
 * `podlens:` documents) or the pods of a namespace with an optional label selector (the editor's quick pick).
 * GET only; the pod comes back as YAML the way `kubectl get pod -o yaml` prints it (managedFields left out), so
 * it is explained exactly as an observed pod from a file.
 */
import * as l10n from '@vscode/l10n';
import { stringify } from 'yaml';
import { fatalMessage, readStatus } from '../../cluster/apiStatus';
import { isObject } from '../../cluster/podToSubmit';
import type { Json } from '../../cluster/podToSubmit';
import { loadKubeconfig } from './kubeconfig';
import type { KubeconfigChoice, LoadedKubeconfig } from './kubeconfig';
import { clusterRequest } from './request';

export interface LivePodOptions extends KubeconfigChoice {
  readonly timeoutMs?: number | undefined;
}

export interface LivePod {
  readonly context: string;
  readonly server: string;
  readonly namespace: string;
  readonly name: string;
  /** The pod as YAML (`kubectl get pod -o yaml`), managedFields left out. */
  readonly yaml: string;
}

export type LivePodResult = { readonly ok: true; readonly pod: LivePod } | { readonly ok: false; readonly message: string };

export interface LivePodEntry {
  readonly namespace: string;
  readonly name: string;
  readonly phase: string;
  /** `ready/total` app containers. */
  readonly ready: string;
  readonly restarts: number;
  /** The first waiting or terminated reason of a container (CrashLoopBackOff, OOMKilled, …), else the pod's. */
  readonly reason: string;
}

export type LivePodListResult = { readonly ok: true; readonly context: string; readonly pods: readonly LivePodEntry[] } | { readonly ok: false; readonly message: string };

/** `NS/POD` or `POD` (the context's namespace). */
export function parsePodReference(ref: string): { namespace: string | undefined; name: string } | undefined {
  const parts = ref.split('/');
  if (parts.length > 2 || parts.some((p) => !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(p))) return undefined;
  return parts.length === 2 ? { namespace: parts[0]!, name: parts[1]! } : { namespace: undefined, name: parts[0]! };
}

/** The pod as `kubectl get pod -o yaml` prints it: managedFields left out (kubectl's default since 1.21). */
export function podYaml(pod: Json): string {
  const metadata = isObject(pod['metadata']) ? { ...pod['metadata'] } : {};
  delete metadata['managedFields'];
  return stringify({ ...pod, apiVersion: pod['apiVersion'] ?? 'v1', kind: pod['kind'] ?? 'Pod', metadata }, { lineWidth: 0 });
}

async function kubeconfigOf(options: LivePodOptions): Promise<{ ok: true; kube: LoadedKubeconfig } | { ok: false; message: string }> {
  const loaded = await loadKubeconfig(options);
  return loaded.ok ? { ok: true, kube: loaded.value } : loaded;
}

export async function getLivePod(namespace: string | undefined, name: string, options: LivePodOptions): Promise<LivePodResult> {
  const k = await kubeconfigOf(options);
  if (!k.ok) return k;
  const kube = k.kube;
  const ns = namespace ?? kube.namespace;
  const r = await clusterRequest(kube, 'GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`, undefined, options.timeoutMs);
  if (!r.ok) return r;
  if (r.response.status !== 200 || !isObject(r.response.body)) {
    const s = readStatus(r.response.status, r.response.body);
    const fatal = fatalMessage(s, { server: kube.server, context: kube.context, namespace: ns, action: l10n.t('get pods') });
    if (fatal) return { ok: false, message: fatal };
    if (s.code === 404) return { ok: false, message: l10n.t('Pod {0} does not exist in namespace {1} on the cluster of context {2}.', name, ns, kube.context) };
    return { ok: false, message: l10n.t('The cluster at {0} answered {1}: {2}', kube.server, s.code, s.message || s.reason || '-') };
  }
  return { ok: true, pod: { context: kube.context, server: kube.server, namespace: ns, name, yaml: podYaml(r.response.body) } };
}

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function entryOf(pod: Json, fallbackNamespace: string): LivePodEntry {
  const meta = isObject(pod['metadata']) ? pod['metadata'] : {};
  const status = isObject(pod['status']) ? pod['status'] : {};
  const spec = isObject(pod['spec']) ? pod['spec'] : {};
  const statuses = list(status['containerStatuses']);
  const stateReason = (s: Json): string => {
    const state = isObject(s['state']) ? s['state'] : {};
    for (const k of ['waiting', 'terminated']) {
      const v = state[k];
      if (isObject(v) && typeof v['reason'] === 'string') return v['reason'];
    }
    return '';
  };
  const reason = [...list(status['initContainerStatuses']), ...statuses].map(stateReason).find(Boolean)
    ?? (typeof status['reason'] === 'string' ? status['reason'] : '');
  return {
    namespace: typeof meta['namespace'] === 'string' ? meta['namespace'] : fallbackNamespace,
    name: typeof meta['name'] === 'string' ? meta['name'] : '',
    phase: typeof status['phase'] === 'string' ? status['phase'] : '',
    ready: `${statuses.filter((s) => s['ready'] === true).length}/${list(spec['containers']).length}`,
    restarts: statuses.reduce((n, s) => n + (typeof s['restartCount'] === 'number' ? s['restartCount'] : 0), 0),
    reason: reason ?? '',
  };
}

/** The pods of a namespace (at most 500), optionally filtered by a label selector (`app=web,tier!=db`). */
export async function listLivePods(namespace: string | undefined, labelSelector: string | undefined, options: LivePodOptions): Promise<LivePodListResult> {
  const k = await kubeconfigOf(options);
  if (!k.ok) return k;
  const kube = k.kube;
  const ns = namespace || kube.namespace;
  const query = new URLSearchParams({ limit: '500' });
  if (labelSelector?.trim()) query.set('labelSelector', labelSelector.trim());
  const r = await clusterRequest(kube, 'GET', `/api/v1/namespaces/${encodeURIComponent(ns)}/pods?${query.toString()}`, undefined, options.timeoutMs);
  if (!r.ok) return r;
  if (r.response.status !== 200 || !isObject(r.response.body)) {
    const s = readStatus(r.response.status, r.response.body);
    const fatal = fatalMessage(s, { server: kube.server, context: kube.context, namespace: ns, action: l10n.t('list pods') });
    if (fatal) return { ok: false, message: fatal };
    // 400: a label selector the server cannot parse; its message says why.
    return { ok: false, message: l10n.t('The cluster at {0} answered {1}: {2}', kube.server, s.code, s.message || s.reason || '-') };
  }
  const pods = list(r.response.body['items']).map((p) => entryOf(p, ns)).filter((p) => p.name);
  return { ok: true, context: kube.context, pods: pods.sort((a, b) => a.name.localeCompare(b.name)) };
}

export type NamespaceListResult = { readonly ok: true; readonly context: string; readonly defaultNamespace: string; readonly namespaces: readonly string[] } | { readonly ok: false; readonly message: string };

/** The cluster's namespaces (at most 500, sorted), for a quick pick; many users may not list them (403). */
export async function listNamespaces(options: LivePodOptions): Promise<NamespaceListResult> {
  const k = await kubeconfigOf(options);
  if (!k.ok) return k;
  const kube = k.kube;
  const r = await clusterRequest(kube, 'GET', '/api/v1/namespaces?limit=500', undefined, options.timeoutMs);
  if (!r.ok) return r;
  if (r.response.status !== 200 || !isObject(r.response.body)) {
    const s = readStatus(r.response.status, r.response.body);
    const fatal = fatalMessage(s, { server: kube.server, context: kube.context, namespace: undefined, action: l10n.t('list namespaces') });
    return { ok: false, message: fatal ?? l10n.t('The cluster at {0} answered {1}: {2}', kube.server, s.code, s.message || s.reason || '-') };
  }
  const names = list(r.response.body['items']).map((n) => (isObject(n['metadata']) && typeof n['metadata']['name'] === 'string' ? n['metadata']['name'] : '')).filter(Boolean);
  return { ok: true, context: kube.context, defaultNamespace: kube.namespace, namespaces: names.sort() };
}
