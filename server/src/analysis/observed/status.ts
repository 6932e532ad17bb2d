/**
 * Reads the observed part of a Pod (`status`, `metadata.deletionTimestamp`) from the YAML tree,
 * leniently: a field with the wrong type, a bad time or an impossible number is left out and noted
 * (`notes`), never thrown. The field names and types are core/v1 PodStatus / ContainerStatus
 * (k8s.io/api/core/v1/types.go); the kubelet's status manager writes them (pkg/kubelet/status,
 * generateAPIPodStatus and convertToAPIContainerStatuses in pkg/kubelet/kubelet_pods.go).
 */
import type { ContainerListKey } from '../../model/pod';
import { entry, get, int, isMap, isNull, isScalar, isSeq, str } from '../../model/tree';
import type { Span, YMap, YNode } from '../../model/tree';
import { parseTime } from './time';

/** A field that could not be read: where, and what was wrong with it. */
export interface StatusNote {
  readonly span: Span;
  readonly field: string;
  readonly problem: 'type' | 'time' | 'range';
}

export interface Terminated {
  readonly exitCode: number | undefined;
  readonly signal: number | undefined;
  readonly reason: string | undefined;
  readonly message: string | undefined;
  readonly startedAt: number | undefined;
  readonly finishedAt: number | undefined;
  readonly span: Span;
}

export interface ContainerState {
  readonly kind: 'waiting' | 'running' | 'terminated';
  readonly reason: string | undefined;
  readonly message: string | undefined;
  /** running: startedAt. */
  readonly startedAt: number | undefined;
  readonly terminated: Terminated | undefined;
  readonly span: Span;
  /** The reason's value span (else the state key's). */
  readonly reasonSpan: Span;
}

export interface ObservedContainerStatus {
  readonly name: string;
  readonly list: ContainerListKey;
  readonly index: number;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly state: ContainerState | undefined;
  readonly lastState: ContainerState | undefined;
  readonly ready: boolean | undefined;
  readonly started: boolean | undefined;
  readonly restartCount: number | undefined;
  readonly restartCountSpan: Span | undefined;
}

export interface ObservedCondition {
  readonly type: string;
  readonly status: string | undefined;
  readonly reason: string | undefined;
  readonly message: string | undefined;
  readonly lastTransitionTime: number | undefined;
  readonly span: Span;
  readonly typeSpan: Span;
}

export interface ObservedStatus {
  /** The `status` mapping. */
  readonly node: YMap;
  readonly phase: string | undefined;
  readonly phaseSpan: Span | undefined;
  readonly reason: string | undefined;
  readonly message: string | undefined;
  readonly reasonSpan: Span | undefined;
  readonly qosClass: string | undefined;
  readonly nominatedNodeName: string | undefined;
  readonly startTime: number | undefined;
  readonly conditions: readonly ObservedCondition[];
  readonly containers: readonly ObservedContainerStatus[];
  readonly deletionTimestamp: number | undefined;
  readonly deletionSpan: Span | undefined;
  readonly deletionGracePeriodSeconds: number | undefined;
  readonly notes: readonly StatusNote[];
}

/** Kubernetes counts restarts in an int32 (ContainerStatus.RestartCount). */
const INT32_MAX = 2_147_483_647;

const STATUS_LISTS: readonly [string, ContainerListKey][] = [
  ['initContainerStatuses', 'initContainers'],
  ['containerStatuses', 'containers'],
  ['ephemeralContainerStatuses', 'ephemeralContainers'],
];

class Reader {
  readonly notes: StatusNote[] = [];
  constructor(private readonly prefix: string) {}

  text(map: YNode | undefined, key: string, path: string): string | undefined {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return undefined;
    const v = e.value!;
    if (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) return String(v.value);
    this.notes.push({ span: v.span, field: `${this.prefix}${path}`, problem: 'type' });
    return undefined;
  }

  time(map: YNode | undefined, key: string, path: string): number | undefined {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return undefined;
    const t = parseTime(str(e.value));
    if (t === undefined) this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'time' });
    return t;
  }

  integer(map: YNode | undefined, key: string, path: string, min: number, max: number): number | undefined {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return undefined;
    const v = int(e.value);
    if (v === undefined) { this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'type' }); return undefined; }
    if (v < min || v > max) { this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'range' }); return undefined; }
    return v;
  }

  flag(map: YNode | undefined, key: string, path: string): boolean | undefined {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return undefined;
    if (isScalar(e.value) && typeof e.value.value === 'boolean') return e.value.value;
    this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'type' });
    return undefined;
  }

  mapAt(map: YNode | undefined, key: string, path: string): YMap | undefined {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return undefined;
    if (isMap(e.value)) return e.value;
    this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'type' });
    return undefined;
  }

  listAt(map: YNode | undefined, key: string, path: string): readonly YNode[] {
    const e = entry(map, key);
    if (!e || isNull(e.value)) return [];
    if (isSeq(e.value)) return e.value.items;
    this.notes.push({ span: e.value!.span, field: `${this.prefix}${path}`, problem: 'type' });
    return [];
  }
}

/** Signal number from a terminated state's `signal` field (set by some runtimes) or 128+n exit codes. */
function terminated(r: Reader, t: YMap, path: string): Terminated {
  // Exit codes are int32 in the API (ContainerStateTerminated.ExitCode).
  const exitCode = r.integer(t, 'exitCode', `${path}.exitCode`, -INT32_MAX - 1, INT32_MAX);
  const signal = r.integer(t, 'signal', `${path}.signal`, 0, 64);
  return {
    exitCode, signal,
    reason: r.text(t, 'reason', `${path}.reason`),
    message: r.text(t, 'message', `${path}.message`),
    startedAt: r.time(t, 'startedAt', `${path}.startedAt`),
    finishedAt: r.time(t, 'finishedAt', `${path}.finishedAt`),
    span: t.span,
  };
}

function containerState(r: Reader, node: YMap | undefined, path: string): ContainerState | undefined {
  if (!node) return undefined;
  // The API allows one of the three; the kubelet never writes two. Take the first that is a mapping.
  for (const kind of ['terminated', 'running', 'waiting'] as const) {
    const e = entry(node, kind);
    if (!e) continue;
    const m = r.mapAt(node, kind, `${path}.${kind}`);
    if (!m) continue;
    const reasonEntry = entry(m, 'reason');
    const t = kind === 'terminated' ? terminated(r, m, `${path}.terminated`) : undefined;
    return {
      kind,
      reason: t ? t.reason : r.text(m, 'reason', `${path}.${kind}.reason`),
      message: t ? t.message : r.text(m, 'message', `${path}.${kind}.message`),
      startedAt: kind === 'running' ? r.time(m, 'startedAt', `${path}.running.startedAt`) : t?.startedAt,
      terminated: t,
      span: { start: e.keySpan.start, end: m.span.end },
      reasonSpan: reasonEntry?.value?.span ?? e.keySpan,
    };
  }
  return undefined;
}

function containerStatus(r: Reader, n: YMap, list: ContainerListKey, statusKey: string, index: number): ObservedContainerStatus | undefined {
  const path = `${statusKey}[${index}]`;
  const nameEntry = entry(n, 'name');
  const name = r.text(n, 'name', `${path}.name`);
  if (name === undefined) return undefined;
  const rc = entry(n, 'restartCount');
  return {
    name, list, index, span: n.span, nameSpan: nameEntry?.value?.span ?? n.span,
    state: containerState(r, r.mapAt(n, 'state', `${path}.state`), `${path}.state`),
    lastState: containerState(r, r.mapAt(n, 'lastState', `${path}.lastState`), `${path}.lastState`),
    ready: r.flag(n, 'ready', `${path}.ready`),
    started: r.flag(n, 'started', `${path}.started`),
    restartCount: r.integer(n, 'restartCount', `${path}.restartCount`, 0, INT32_MAX),
    restartCountSpan: rc?.value?.span,
  };
}

/** The observed status of a Pod object, or undefined when it has no `status` mapping. */
export function readStatus(root: YMap): ObservedStatus | undefined {
  const statusEntry = entry(root, 'status');
  if (!statusEntry || !isMap(statusEntry.value)) return undefined;
  const status = statusEntry.value;
  const r = new Reader('status.');
  const phaseEntry = entry(status, 'phase');
  const reasonEntry = entry(status, 'reason');
  const conditions: ObservedCondition[] = [];
  r.listAt(status, 'conditions', 'conditions').forEach((c, i) => {
    if (!isMap(c)) { r.notes.push({ span: c.span, field: `status.conditions[${i}]`, problem: 'type' }); return; }
    const type = r.text(c, 'type', `conditions[${i}].type`);
    if (type === undefined) return;
    conditions.push({
      type, span: c.span, typeSpan: entry(c, 'type')?.value?.span ?? c.span,
      status: r.text(c, 'status', `conditions[${i}].status`),
      reason: r.text(c, 'reason', `conditions[${i}].reason`),
      message: r.text(c, 'message', `conditions[${i}].message`),
      lastTransitionTime: r.time(c, 'lastTransitionTime', `conditions[${i}].lastTransitionTime`),
    });
  });
  const containers: ObservedContainerStatus[] = [];
  for (const [key, list] of STATUS_LISTS) {
    r.listAt(status, key, key).forEach((n, i) => {
      if (!isMap(n)) { r.notes.push({ span: n.span, field: `status.${key}[${i}]`, problem: 'type' }); return; }
      const cs = containerStatus(r, n, list, key, i);
      if (cs) containers.push(cs);
    });
  }
  const meta = new Reader('metadata.');
  const metadata = get(root, 'metadata');
  const deletion = entry(metadata, 'deletionTimestamp');
  return {
    node: status,
    phase: r.text(status, 'phase', 'phase'),
    phaseSpan: phaseEntry?.value?.span,
    reason: r.text(status, 'reason', 'reason'),
    message: r.text(status, 'message', 'message'),
    reasonSpan: reasonEntry?.value?.span,
    qosClass: r.text(status, 'qosClass', 'qosClass'),
    nominatedNodeName: r.text(status, 'nominatedNodeName', 'nominatedNodeName'),
    startTime: r.time(status, 'startTime', 'startTime'),
    conditions, containers,
    deletionTimestamp: meta.time(metadata, 'deletionTimestamp', 'deletionTimestamp'),
    deletionSpan: deletion?.value?.span,
    deletionGracePeriodSeconds: meta.integer(metadata, 'deletionGracePeriodSeconds', 'deletionGracePeriodSeconds', 0, Number.MAX_SAFE_INTEGER),
    notes: [...r.notes, ...meta.notes],
  };
}

/** A `status:` key that is there but not a mapping (garbled): its span, for a note. */
export function garbledStatus(root: YMap): Span | undefined {
  const e = entry(root, 'status');
  return e && e.value && !isMap(e.value) && !isNull(e.value) ? e.value.span : undefined;
}

