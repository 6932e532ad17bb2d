/** Builds ContainerModel / ProbeModel / HookModel / resource lists from the plain YAML tree. */
import type {
  ContainerListKey, ContainerModel, ContainerRole, HookActionType, HookKind, HookModel, IntField, PortModel,
  ProbeHandlerType, ProbeKind, ProbeModel, ResourceEntry, ResourceRequirements, RestartRuleModel,
} from './pod';
import { NULL_QUANTITY, parseQuantityResult, quantityText } from './quantity';
import { entry, get, int, isMap, isScalar, items, str, strList } from './tree';
import type { YEntry, YMap, YNode } from './tree';

export function intField(map: YNode | undefined, key: string, dflt: number): IntField {
  const e = entry(map, key);
  const v = int(e?.value);
  return { value: v ?? dflt, node: e?.value, keySpan: e?.keySpan };
}

function optionalIntField(map: YNode | undefined, key: string): IntField | undefined {
  const e = entry(map, key);
  if (!e) return undefined;
  const v = int(e.value);
  return v === undefined ? undefined : { value: v, node: e.value, keySpan: e.keySpan };
}

export function resourceList(node: YNode | undefined): ResourceEntry[] {
  if (!isMap(node)) return [];
  const out: ResourceEntry[] = [];
  const seen = new Map<string, number>();
  for (const e of node.entries) {
    const v = e.value;
    const text = isScalar(v) ? quantityText(v.value, v.source, v.quoted) : v === undefined ? null : undefined;
    const parsed = typeof text === 'string' ? parseQuantityResult(text) : undefined;
    const item: ResourceEntry = {
      name: e.key, keySpan: e.keySpan, node: v, raw: text ?? '',
      // `cpu:` with no value is JSON null: the key is present with a zero value.
      quantity: text === null ? NULL_QUANTITY : parsed?.quantity,
      error: text === undefined ? 'format' : parsed?.error,
    };
    // Kubernetes keeps the last duplicate key.
    const prev = seen.get(e.key);
    if (prev !== undefined) out[prev] = item;
    else { seen.set(e.key, out.length); out.push(item); }
  }
  return out;
}

export function resourceRequirements(node: YNode | undefined): ResourceRequirements {
  const map = isMap(node) ? node : undefined;
  return { node: map, requests: resourceList(get(map, 'requests')), limits: resourceList(get(map, 'limits')) };
}

const PROBE_KEYS: Record<ProbeKind, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe',
};
const PROBE_HANDLERS: readonly ProbeHandlerType[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_ACTIONS: readonly HookActionType[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function probe(container: YMap, kind: ProbeKind): ProbeModel | undefined {
  const key = PROBE_KEYS[kind];
  const e = entry(container, key);
  if (!e || !isMap(e.value)) return undefined;
  const node = e.value;
  const handlers = PROBE_HANDLERS.flatMap((type) => {
    const h = entry(node, type);
    return h && !(isScalar(h.value) && h.value.value === null) ? [{ type, node: h.value, keySpan: h.keySpan }] : [];
  });
  const first = handlers[0];
  const portNode = first && first.type !== 'exec' ? get(first.node, 'port') : undefined;
  const portVal = isScalar(portNode) && (typeof portNode.value === 'number' || typeof portNode.value === 'string') ? portNode.value : undefined;
  return {
    kind, key, node, keySpan: e.keySpan, handlers,
    initialDelaySeconds: intField(node, 'initialDelaySeconds', 0),
    periodSeconds: intField(node, 'periodSeconds', 10),
    timeoutSeconds: intField(node, 'timeoutSeconds', 1),
    successThreshold: intField(node, 'successThreshold', 1),
    failureThreshold: intField(node, 'failureThreshold', 3),
    terminationGracePeriodSeconds: optionalIntField(node, 'terminationGracePeriodSeconds'),
    port: portVal, portNode,
    command: first?.type === 'exec' ? strList(get(first.node, 'command')) : undefined,
    httpPath: first?.type === 'httpGet' ? str(get(first.node, 'path')) : undefined,
  };
}

function hook(lifecycle: YNode | undefined, kind: HookKind, gone: Dropped): HookModel | undefined {
  const e = entry(lifecycle, kind);
  if (!e || !isMap(e.value) || gone(e)) return undefined;
  const node = e.value;
  const actions = HOOK_ACTIONS.flatMap((type) => {
    const a = entry(node, type);
    return a && !(isScalar(a.value) && a.value.value === null) && !gone(a) ? [{ type, node: a.value, keySpan: a.keySpan }] : [];
  });
  const sleep = actions.find((a) => a.type === 'sleep');
  const exec = actions.find((a) => a.type === 'exec');
  return {
    kind, node, keySpan: e.keySpan, actions,
    sleepSeconds: sleep ? optionalIntField(sleep.node, 'seconds') : undefined,
    command: exec ? strList(get(exec.node, 'command')) : undefined,
  };
}

function ports(container: YMap): PortModel[] {
  return items(get(container, 'ports')).flatMap((p) => (isMap(p) ? [{
    name: str(get(p, 'name')),
    containerPort: int(get(p, 'containerPort')),
    protocol: str(get(p, 'protocol')) ?? 'TCP',
    node: p,
  }] : []));
}

/** Whether the API server drops a written entry at the target version (droppedFields.ts). */
type Dropped = (e: YEntry | undefined) => boolean;

function restartRules(e: YEntry | undefined): RestartRuleModel[] {
  return items(e?.value).flatMap((r) => {
    if (!isMap(r)) return [];
    const codes = get(r, 'exitCodes');
    const values = isMap(codes) ? items(get(codes, 'values')).flatMap((v) => (int(v) === undefined ? [] : [int(v)!])) : undefined;
    return [{ action: str(get(r, 'action')), operator: str(get(codes, 'operator')), values }];
  });
}

export function containerModel(node: YMap, listKey: ContainerListKey, index: number, role: ContainerRole, gone: Dropped = () => false): ContainerModel {
  const nameEntry = entry(node, 'name');
  const nameNode = isScalar(nameEntry?.value) ? nameEntry!.value : undefined;
  const written = entry(node, 'restartPolicy');
  const restart = gone(written) ? undefined : written;
  const rulesEntry = entry(node, 'restartPolicyRules');
  const lifecycle = get(node, 'lifecycle');
  const imageNode = get(node, 'image');
  const name = nameNode && nameNode.value !== null ? String(nameNode.value) : '';
  return {
    name, nameNode, role, listKey, index, node, span: node.span,
    image: isScalar(imageNode) && imageNode.value !== null ? String(imageNode.value) : undefined,
    imageNode,
    command: strList(get(node, 'command')),
    args: strList(get(node, 'args')),
    restartPolicy: str(restart?.value),
    restartPolicyNode: restart?.value,
    restartRules: gone(rulesEntry) ? [] : restartRules(rulesEntry),
    resources: resourceRequirements(get(node, 'resources')),
    probes: {
      ...optional('liveness', probe(node, 'liveness')),
      ...optional('readiness', probe(node, 'readiness')),
      ...optional('startup', probe(node, 'startup')),
    },
    lifecycle: {
      ...optional('postStart', hook(lifecycle, 'postStart', gone)),
      ...optional('preStop', hook(lifecycle, 'preStop', gone)),
    },
    ports: ports(node),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
