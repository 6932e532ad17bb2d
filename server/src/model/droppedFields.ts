/**
 * Fields the API server drops because their feature gate is off at the target version.
 *
 * Before validation, every pod and pod-template create path (`PrepareForCreate` in
 * K: pkg/registry/core/pod/strategy.go, and via `DropDisabledTemplateFields` for Deployments, Jobs, ...)
 * calls `dropDisabledFields` (K: pkg/api/pod/util.go). A gated field whose gate is off is removed
 * silently: on create there is no old object "already using" it. So the field is never validated and
 * the kubelet never sees it. Pod Lens follows the same order:
 *
 * 1. `droppedFields(spec, version)` lists the written entries the API server would remove here (one
 *    `DropSpec` per gate below; `since` keeps a field out of releases whose API does not know it yet,
 *    where it is rejected or unknown instead of dropped);
 * 2. the pod model is built WITHOUT them (podModel.ts passes `isDropped` to containerModel.ts), so
 *    hovers, figures and the simulator describe the pod the API server stores;
 * 3. rules that read YAML nodes directly skip them (`isDropped(pod.dropped, entry)`), so no rule
 *    validates a field that is gone;
 * 4. the rule `field-dropped-by-version` (analysis/rules/versions/fieldDroppedByVersion.ts) reports each
 *    one as an information-level hint naming the release and the gate, with the `effect` sentence.
 *
 * To add a gate: append a DropSpec to DROPS (`find` returns the entries that go, `effect` says what the
 * pod is without them; add the effect's sentence to fieldDroppedByVersion.ts), then make any model field
 * or rule that reads the field consult `isDropped`. Pure: no l10n here.
 */
import type { ContainerListKey } from './pod';
import { entry, get, isMap, isScalar, items, str } from './tree';
import type { YEntry, YMap, YNode } from './tree';
import { atLeast, FEATURE_ALPHA, featureEnabled } from './version';
import type { FeatureName, KubeVersion } from './version';

/** What the pod is without the dropped field; each has a sentence in fieldDroppedByVersion.ts. */
export type DropEffect =
  /** A regular container's restartPolicy: it follows the pod's restartPolicy. */
  | 'podRestartPolicy'
  /** An init container's non-Always restartPolicy: a regular init container under the pod's policy. */
  | 'regularInitContainer'
  /** restartPolicyRules: no exit-code rules. */
  | 'noRestartRules'
  /** A lifecycle hook's only handler: the whole hook is removed. */
  | 'hookRemoved'
  /** One of two handlers of a hook: the other one stays. */
  | 'handlerRemoved'
  /** lifecycle.stopSignal: the runtime uses the image's STOPSIGNAL, or SIGTERM. */
  | 'defaultStopSignal'
  /** No further consequence worth a sentence. */
  | 'none';

export interface DroppedField {
  /** The gate that is off at the target version. */
  readonly gate: FeatureName;
  /** Path below the pod spec as the API server names it: `containers[0].restartPolicy`, `hostUsers`. */
  readonly path: string;
  /** The written entry the hint points at. */
  readonly entry: YEntry;
  /** Entries that go with it and are not reported on their own (a hook whose only handler was dropped). */
  readonly alsoDropped?: readonly YEntry[];
  /** The container the field belongs to. */
  readonly container?: { readonly listKey: ContainerListKey; readonly index: number };
  readonly effect: DropEffect;
}

type Found = Omit<DroppedField, 'gate'>;

export interface DropSpec {
  readonly gate: FeatureName;
  /**
   * The first minor release whose API knows the field (the gate's alpha). Below it the field is not
   * dropped but rejected or unknown, which other rules report. Absent: dropped at every release below
   * the gate's "on from".
   */
  readonly since?: number;
  find(spec: YMap): Found[];
}

const LISTS: readonly ContainerListKey[] = ['initContainers', 'containers', 'ephemeralContainers'];

/** `key` is written with a value (not absent, not `key:` alone — Go sees nil for those). */
function written(map: YNode | undefined, key: string): YEntry | undefined {
  const e = entry(map, key);
  if (!e || e.value === undefined || (isScalar(e.value) && e.value.value === null)) return undefined;
  return e;
}

function eachContainer(spec: YMap, fn: (c: YMap, listKey: ContainerListKey, index: number) => Found[]): Found[] {
  return LISTS.flatMap((listKey) => items(get(spec, listKey)).flatMap((c, index) => (isMap(c) ? fn(c, listKey, index) : [])));
}

/** K: pkg/api/pod/util.go dropContainerRestartRules (ContainerRestartRules alpha 1.34, on from 1.35). */
const containerRestartRules: DropSpec = {
  gate: 'ContainerRestartRules',
  since: FEATURE_ALPHA.ContainerRestartRules,
  find: (spec) => eachContainer(spec, (c, listKey, index) => {
    const out: Found[] = [];
    const container = { listKey, index };
    const policy = written(c, 'restartPolicy');
    // An init container keeps `Always` (a sidecar); any other value goes. Other containers lose it.
    if (policy && !(listKey === 'initContainers' && str(policy.value) === 'Always')) {
      out.push({
        path: `${listKey}[${index}].restartPolicy`, entry: policy, container,
        effect: listKey === 'initContainers' ? 'regularInitContainer' : listKey === 'containers' ? 'podRestartPolicy' : 'none',
      });
    }
    const rules = written(c, 'restartPolicyRules');
    if (rules) out.push({ path: `${listKey}[${index}].restartPolicyRules`, entry: rules, container, effect: 'noRestartRules' });
    return out;
  }),
};

/**
 * K: pkg/api/pod/util.go dropPodLifecycleSleepAction (PodLifecycleSleepAction alpha 1.29, on from 1.30):
 * `sleep` is set to nil; a hook left with no exec/httpGet/tcpSocket is set to nil; a lifecycle left
 * with no postStart/preStop/stopSignal is set to nil.
 */
const podLifecycleSleepAction: DropSpec = {
  gate: 'PodLifecycleSleepAction',
  find: (spec) => eachContainer(spec, (c, listKey, index) => {
    const lifecycle = written(c, 'lifecycle');
    if (!lifecycle || !isMap(lifecycle.value)) return [];
    const out: Found[] = [];
    const hooksLeft: string[] = [];
    for (const hook of ['postStart', 'preStop']) {
      const h = written(lifecycle.value, hook);
      if (!h) continue;
      const sleep = written(h.value, 'sleep');
      const others = ['exec', 'httpGet', 'tcpSocket'].some((k) => written(h.value, k));
      if (others || !sleep) hooksLeft.push(hook);
      if (!sleep) continue;
      out.push({
        path: `${listKey}[${index}].lifecycle.${hook}.sleep`, entry: sleep, container: { listKey, index },
        effect: others ? 'handlerRemoved' : 'hookRemoved',
        alsoDropped: others ? [] : [h],
      });
    }
    if (out.length > 0 && hooksLeft.length === 0 && !written(lifecycle.value, 'stopSignal')) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = { ...last, alsoDropped: [...(last.alsoDropped ?? []), lifecycle] };
    }
    return out;
  }),
};

/**
 * K: pkg/api/pod/util.go dropContainerStopSignals (ContainerStopSignals alpha 1.33, still off by default in
 * 1.37.2): `stopSignal` is set to nil, and a lifecycle left empty (no postStart/preStop) is set to nil.
 */
const containerStopSignals: DropSpec = {
  gate: 'ContainerStopSignals',
  since: 33,
  find: (spec) => eachContainer(spec, (c, listKey, index) => {
    const lifecycle = written(c, 'lifecycle');
    if (!lifecycle || !isMap(lifecycle.value)) return [];
    const signal = written(lifecycle.value, 'stopSignal');
    if (!signal) return [];
    const hooks = ['postStart', 'preStop'].some((k) => written(lifecycle.value, k));
    return [{
      path: `${listKey}[${index}].lifecycle.stopSignal`, entry: signal, container: { listKey, index },
      effect: 'defaultStopSignal', alsoDropped: hooks ? [] : [lifecycle],
    }];
  }),
};

/** Every gate whose field the API server drops when the gate is off, in dropDisabledFields order. */
export const DROPS: readonly DropSpec[] = [containerRestartRules, podLifecycleSleepAction, containerStopSignals];

/** The written entries of this pod spec that the API server drops at `version`. */
export function droppedFields(spec: YMap, version: KubeVersion): DroppedField[] {
  return DROPS.flatMap((d) => {
    if (featureEnabled(version, d.gate)) return [];
    if (d.since !== undefined && !atLeast(version, d.since)) return [];
    return d.find(spec).map((f) => ({ gate: d.gate, ...f }));
  });
}

/** The entry is removed by the API server (reported or not). */
export function isDropped(dropped: readonly DroppedField[], e: YEntry | undefined): boolean {
  return e !== undefined && dropped.some((d) => d.entry === e || (d.alsoDropped ?? []).includes(e));
}
