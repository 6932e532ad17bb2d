/**
 * What admission added or changed between the Pod that was sent and the Pod the API server answered with
 * (issue 17), each with its cause when it can be named: LimitRange defaults (the LimitRanger plugin records
 * them in the `kubernetes.io/limit-ranger` annotation), the ServiceAccount plugin's token volume,
 * DefaultTolerationSeconds' tolerations, and otherwise a mutating admission webhook. Container resources are
 * compared with Pod Lens's prediction after API defaulting, so only what admission did shows. Pure.
 */
import * as l10n from '@vscode/l10n';
import type { PodSummary, QuantityList } from '../protocol/analysis';
import { isObject } from './podToSubmit';
import type { Json } from './podToSubmit';

export interface ClusterChange {
  /** A field path in the server's pod, e.g. `spec.containers[app].resources.requests.cpu`. */
  readonly path: string;
  readonly change: 'added' | 'changed' | 'removed';
  readonly from: string | null;
  readonly to: string | null;
  readonly cause: string;
}

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const nameOf = (v: Json): string => (typeof v['name'] === 'string' ? v['name'] : '');
const quantities = (v: unknown): QuantityList => {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, q] of Object.entries(v)) out[k] = String(q);
  return out;
};

/** `LimitRanger plugin set: cpu, memory request for container app; cpu limit for init container init` */
function limitRangerSet(annotation: string | undefined): Set<string> {
  const set = new Set<string>();
  if (!annotation) return set;
  for (const part of annotation.replace(/^LimitRanger plugin set:\s*/, '').split(';')) {
    const m = /^\s*(.+?)\s+(request|limit)s?\s+for\s+(?:init\s+|ephemeral\s+)?container\s+(\S+)\s*$/.exec(part);
    if (!m) continue;
    for (const r of m[1]!.split(',')) set.add(`${m[3]}/${m[2]}/${r.trim()}`);
  }
  return set;
}

function resourceCause(container: string, kind: 'request' | 'limit', resource: string, limitRanger: Set<string>): string {
  if (limitRanger.has(`${container}/${kind}/${resource}`)) return l10n.t('a LimitRange default, set by the LimitRanger admission plugin');
  return l10n.t('admission: a mutating webhook or another admission plugin');
}

function annotationsOf(pod: Json): Record<string, string> {
  const meta = isObject(pod['metadata']) ? pod['metadata'] : {};
  return isObject(meta['annotations']) ? Object.fromEntries(Object.entries(meta['annotations']).map(([k, v]) => [k, String(v)])) : {};
}

export function compareWithServer(predicted: PodSummary, sent: Json, server: Json, serverQos: string): ClusterChange[] {
  const changes: ClusterChange[] = [];
  const sentSpec = isObject(sent['spec']) ? sent['spec'] : {};
  const serverSpec = isObject(server['spec']) ? server['spec'] : {};
  const serverAnnotations = annotationsOf(server);
  const sentAnnotations = annotationsOf(sent);
  const limitRanger = limitRangerSet(serverAnnotations[LIMIT_RANGER_ANNOTATION]);

  for (const listName of ['initContainers', 'containers']) {
    const sentNames = new Set(list(sentSpec[listName]).map(nameOf));
    const serverNames = new Set(list(serverSpec[listName]).map(nameOf));
    for (const c of list(serverSpec[listName])) {
      const name = nameOf(c);
      const path = `spec.${listName}[${name}]`;
      if (!sentNames.has(name)) {
        changes.push({ path, change: 'added', from: null, to: typeof c['image'] === 'string' ? c['image'] : null, cause: l10n.t('injected by admission: a mutating webhook such as a sidecar injector') });
        continue;
      }
      const before = predicted.containers.find((p) => p.name === name && (listName === 'initContainers' ? p.role === 'init' || p.role === 'sidecar' : p.role === 'app'));
      const resources = isObject(c['resources']) ? c['resources'] : {};
      for (const [kind, key] of [['request', 'requests'], ['limit', 'limits']] as const) {
        const now = quantities(resources[key]);
        const was: QuantityList = before ? before[key] : {};
        for (const r of new Set([...Object.keys(was), ...Object.keys(now)])) {
          if (was[r] === now[r]) continue;
          changes.push({
            path: `${path}.resources.${key}.${r}`,
            change: was[r] === undefined ? 'added' : now[r] === undefined ? 'removed' : 'changed',
            from: was[r] ?? null, to: now[r] ?? null,
            cause: resourceCause(name, kind, r, limitRanger),
          });
        }
      }
    }
    for (const name of sentNames) {
      if (!serverNames.has(name)) changes.push({ path: `spec.${listName}[${name}]`, change: 'removed', from: name, to: null, cause: l10n.t('admission: a mutating webhook or another admission plugin') });
    }
  }

  const sentVolumes = new Set(list(sentSpec['volumes']).map(nameOf));
  for (const v of list(serverSpec['volumes'])) {
    const name = nameOf(v);
    if (sentVolumes.has(name)) continue;
    const token = name.startsWith('kube-api-access-') && isObject(v['projected']);
    changes.push({ path: `spec.volumes[${name}]`, change: 'added', from: null, to: token ? l10n.t('the projected service account token') : null,
      cause: token ? l10n.t('ServiceAccount admission plugin: the API token, mounted into every container') : l10n.t('injected by admission: a mutating webhook such as a sidecar injector') });
  }

  const tolerationKey = (t: Json) => `${String(t['key'] ?? '')}:${String(t['effect'] ?? '')}`;
  const sentTolerations = new Set(list(sentSpec['tolerations']).map(tolerationKey));
  for (const t of list(serverSpec['tolerations'])) {
    if (sentTolerations.has(tolerationKey(t))) continue;
    const key = String(t['key'] ?? '');
    const seconds = t['tolerationSeconds'];
    const defaulted = (key === 'node.kubernetes.io/not-ready' || key === 'node.kubernetes.io/unreachable') && t['effect'] === 'NoExecute';
    changes.push({ path: `spec.tolerations[${key}]`, change: 'added', from: null, to: seconds === undefined ? String(t['effect'] ?? '') : `${String(t['effect'])} ${String(seconds)}s`,
      cause: defaulted ? l10n.t('DefaultTolerationSeconds admission plugin') : l10n.t('admission: a mutating webhook or another admission plugin') });
  }

  for (const [k, v] of Object.entries(serverAnnotations)) {
    if (sentAnnotations[k] === v) continue;
    changes.push({ path: `metadata.annotations[${k}]`, change: sentAnnotations[k] === undefined ? 'added' : 'changed', from: sentAnnotations[k] ?? null, to: v,
      cause: k === LIMIT_RANGER_ANNOTATION ? l10n.t('LimitRanger admission plugin: the record of the defaults it set') : l10n.t('admission: a mutating webhook or another admission plugin') });
  }

  if (serverQos && serverQos !== predicted.qosClass) {
    const why = changes.some((c) => c.path.includes('.resources.'))
      ? l10n.t('the resources that admission set, listed above')
      : l10n.t('admission changed the containers or their resources');
    changes.push({ path: 'status.qosClass', change: 'changed', from: predicted.qosClass, to: serverQos, cause: why });
  }
  return changes;
}
