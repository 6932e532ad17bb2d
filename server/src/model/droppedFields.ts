/**
 * Fields the API server drops because their feature gate is off at the target version.
 *
 * Before validation, every pod and pod-template create path (`PrepareForCreate` in
 * K: pkg/registry/core/pod/strategy.go, and via `DropDisabledTemplateFields` for Deployments, Jobs, ...)
 * calls `dropDisabledFields` (K: pkg/api/pod/util.go); a Job's own gated fields are dropped the same way
 * by K: pkg/registry/batch/job/strategy.go `PrepareForCreate` (`scope: 'job'` below). A gated field whose gate is off is removed
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
  /** resizePolicy: no in-place resize at this release. */
  | 'noInPlaceResize'
  /** `hostUsers: false`: the pod shares the host's user namespace. */
  | 'hostUserNamespace'
  /** supplementalGroupsPolicy: the image's /etc/group memberships are added (the Merge behaviour). */
  | 'mergeGroups'
  /** An image volume: the volume and every volumeMount of it go. */
  | 'imageVolumeRemoved'
  /** spec.resourceClaims or a container's resources.claims: no devices are allocated. */
  | 'noDeviceClaims'
  /** A Job's backoffLimitPerIndex: backoffLimit counts every index's failures (and was defaulted first). */
  | 'jobBackoffLimit'
  /** A FailIndex rule of a Job's podFailurePolicy: the remaining rules apply. */
  | 'failIndexRuleRemoved'
  /** A Job's successPolicy: the Job succeeds only once every completion has succeeded. */
  | 'allCompletions'
  /** A Job's podReplacementPolicy: the Job controller's behaviour before the field (replace once terminating). */
  | 'defaultReplacement'
  /** No further consequence worth a sentence. */
  | 'none';

export interface DroppedField {
  /** The gate that is off at the target version. */
  readonly gate: FeatureName;
  /**
   * Path below the pod spec as the API server names it (`containers[0].restartPolicy`, `hostUsers`), or
   * below the Job spec when `scope` is 'job' (`backoffLimitPerIndex`).
   */
  readonly path: string;
  /** 'job': a field of the Job spec (K: pkg/registry/batch/job/strategy.go PrepareForCreate), not of the pod spec. */
  readonly scope?: 'job';
  /** The written entry the hint points at. */
  readonly entry: YEntry;
  /** Entries that go with it and are not reported on their own (a hook whose only handler was dropped). */
  readonly alsoDropped?: readonly YEntry[];
  /** The container the field belongs to. */
  readonly container?: { readonly listKey: ContainerListKey; readonly index: number };
  readonly effect: DropEffect;
}

type Found = Omit<DroppedField, 'gate' | 'scope'>;

export interface DropSpec {
  readonly gate: FeatureName;
  /**
   * The first minor release whose API knows the field (the gate's alpha). Below it the field is not
   * dropped but rejected or unknown, which other rules report. Absent: dropped at every release below
   * the gate's "on from".
   */
  readonly since?: number;
  /** 'job': `find` is given the Job spec (Job, CronJob's jobTemplate.spec) instead of the pod spec. */
  readonly scope?: 'job';
  find(spec: YMap, version: KubeVersion): Found[];
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
  since: FEATURE_ALPHA.ContainerStopSignals,
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

/**
 * K: pkg/api/pod/util.go dropDisabledFields (UserNamespacesSupport alpha 1.25 — named
 * UserNamespacesStatelessPodsSupport until 1.27 —, beta off 1.30, on from 1.33): `hostUsers` is set to nil.
 */
const userNamespacesSupport: DropSpec = {
  gate: 'UserNamespacesSupport',
  since: FEATURE_ALPHA.UserNamespacesSupport,
  find: (spec) => {
    const e = written(spec, 'hostUsers');
    return e ? [{ path: 'hostUsers', entry: e, effect: isScalar(e.value) && e.value.value === false ? 'hostUserNamespace' : 'none' }] : [];
  },
};

/** K: pkg/api/pod/util.go dropDisabledFields (SupplementalGroupsPolicy alpha 1.31, on from 1.33): the field is set to nil. */
const supplementalGroupsPolicy: DropSpec = {
  gate: 'SupplementalGroupsPolicy',
  since: FEATURE_ALPHA.SupplementalGroupsPolicy,
  find: (spec) => {
    const e = written(get(spec, 'securityContext'), 'supplementalGroupsPolicy');
    return e ? [{ path: 'securityContext.supplementalGroupsPolicy', entry: e, effect: 'mergeGroups' }] : [];
  },
};

/**
 * K: pkg/api/pod/util.go dropDisabledDynamicResourceAllocationFields (DynamicResourceAllocation alpha 1.26,
 * beta off 1.32, on from 1.34): every container's `resources.claims` (init, regular, ephemeral) and
 * `spec.resourceClaims` are set to nil. A `resources` holding nothing but claims is then the zero value
 * (so an ephemeral container's allow-list check no longer sees it).
 */
const dynamicResourceAllocation: DropSpec = {
  gate: 'DynamicResourceAllocation',
  since: FEATURE_ALPHA.DynamicResourceAllocation,
  find: (spec) => {
    const out = eachContainer(spec, (c, listKey, index): Found[] => {
      const resources = written(c, 'resources');
      const claims = written(resources?.value, 'claims');
      if (!resources || !claims || !isMap(resources.value)) return [];
      const onlyClaims = resources.value.entries.every((e) => e === claims || !written(resources.value, String(e.key)));
      return [{
        path: `${listKey}[${index}].resources.claims`, entry: claims, container: { listKey, index },
        effect: 'noDeviceClaims', alsoDropped: onlyClaims ? [resources] : [],
      }];
    });
    const podClaims = written(spec, 'resourceClaims');
    return podClaims ? [{ path: 'resourceClaims', entry: podClaims, effect: 'noDeviceClaims' as const }, ...out] : out;
  },
};

/**
 * K: pkg/api/pod/util.go dropDisabledFields (InPlacePodVerticalScaling alpha 1.27, on from 1.33): every
 * container's `resizePolicy` (init, regular, ephemeral) is set to nil.
 */
const inPlacePodVerticalScaling: DropSpec = {
  gate: 'InPlacePodVerticalScaling',
  since: FEATURE_ALPHA.InPlacePodVerticalScaling,
  find: (spec) => eachContainer(spec, (c, listKey, index) => {
    const e = written(c, 'resizePolicy');
    return e ? [{ path: `${listKey}[${index}].resizePolicy`, entry: e, container: { listKey, index }, effect: 'noInPlaceResize' }] : [];
  }),
};

/**
 * K: pkg/api/pod/util.go dropImageVolumes (ImageVolume alpha 1.31, beta off 1.33, on from 1.35): every
 * volume with an `image` source is removed from `volumes`, and so is every volumeMount (of any
 * container) whose name is one of theirs. The hint points at the volume's `image` key; its mounts are
 * in `alsoDropped` as their `name` entries (a mount is a list item, not an entry).
 */
const imageVolume: DropSpec = {
  gate: 'ImageVolume',
  since: FEATURE_ALPHA.ImageVolume,
  find: (spec) => {
    const mountsOf = (name: string): YEntry[] => LISTS.flatMap((listKey) => items(get(spec, listKey)).flatMap((c) =>
      items(get(c, 'volumeMounts')).flatMap((m) => {
        const n = entry(m, 'name');
        return n && (str(n.value) ?? '') === name ? [n] : [];
      })));
    return items(get(spec, 'volumes')).flatMap((v, i): Found[] => {
      const image = isMap(v) ? written(v, 'image') : undefined;
      if (!image) return [];
      return [{ path: `volumes[${i}]`, entry: image, effect: 'imageVolumeRemoved', alsoDropped: mountsOf(str(get(v, 'name')) ?? '') }];
    });
  },
};

/**
 * K: pkg/registry/batch/job/strategy.go PrepareForCreate (JobBackoffLimitPerIndex alpha 1.28, on from 1.29):
 * `backoffLimitPerIndex` and `maxFailedIndexes` are set to nil and every podFailurePolicy rule whose
 * action is FailIndex is removed (the action exists from 1.28; before it validation rejects it).
 * Defaulting runs first (pkg/apis/batch/v1 SetDefaults_Job): a missing backoffLimit was already set to
 * MaxInt32 because backoffLimitPerIndex was there.
 */
const jobBackoffLimitPerIndex: DropSpec = {
  gate: 'JobBackoffLimitPerIndex',
  scope: 'job',
  find: (job, version) => {
    const out: Found[] = [];
    const perIndex = written(job, 'backoffLimitPerIndex');
    if (perIndex) out.push({ path: 'backoffLimitPerIndex', entry: perIndex, effect: 'jobBackoffLimit' });
    const max = written(job, 'maxFailedIndexes');
    if (max) out.push({ path: 'maxFailedIndexes', entry: max, effect: 'none' });
    if (atLeast(version, 28)) {
      items(get(get(job, 'podFailurePolicy'), 'rules')).forEach((rule, i) => {
        const action = isMap(rule) ? written(rule, 'action') : undefined;
        if (action && str(action.value) === 'FailIndex') out.push({ path: `podFailurePolicy.rules[${i}]`, entry: action, effect: 'failIndexRuleRemoved' });
      });
    }
    return out;
  },
};

/** K: pkg/registry/batch/job/strategy.go PrepareForCreate (JobSuccessPolicy alpha 1.30, on from 1.31): `successPolicy` is set to nil. */
const jobSuccessPolicy: DropSpec = {
  gate: 'JobSuccessPolicy',
  scope: 'job',
  find: (job) => {
    const e = written(job, 'successPolicy');
    return e ? [{ path: 'successPolicy', entry: e, effect: 'allCompletions' }] : [];
  },
};

/**
 * K: pkg/registry/batch/job/strategy.go PrepareForCreate (JobPodReplacementPolicy alpha 1.28, on from 1.29):
 * `podReplacementPolicy` is set to nil (and SetDefaults_Job does not default it while the gate is off).
 */
const jobPodReplacementPolicy: DropSpec = {
  gate: 'JobPodReplacementPolicy',
  scope: 'job',
  find: (job) => {
    const e = written(job, 'podReplacementPolicy');
    return e ? [{ path: 'podReplacementPolicy', entry: e, effect: 'defaultReplacement' }] : [];
  },
};

/**
 * Every gate whose field the API server drops when the gate is off, in the API server's order: the Job's
 * own fields (PrepareForCreate), then its template's (dropDisabledFields order).
 */
export const DROPS: readonly DropSpec[] = [
  jobSuccessPolicy, jobBackoffLimitPerIndex, jobPodReplacementPolicy,
  userNamespacesSupport, supplementalGroupsPolicy, dynamicResourceAllocation, inPlacePodVerticalScaling,
  containerRestartRules, podLifecycleSleepAction, imageVolume, containerStopSignals,
];

/**
 * The written entries of this pod spec (and of its Job spec, for a Job or CronJob) that the API server
 * drops at `version`.
 */
export function droppedFields(spec: YMap, version: KubeVersion, job?: YMap): DroppedField[] {
  return DROPS.flatMap((d) => {
    if (featureEnabled(version, d.gate)) return [];
    if (d.since !== undefined && !atLeast(version, d.since)) return [];
    if (d.scope === 'job') return job ? d.find(job, version).map((f) => ({ gate: d.gate, scope: 'job' as const, ...f })) : [];
    return d.find(spec, version).map((f) => ({ gate: d.gate, ...f }));
  });
}

/** The entry is removed by the API server (reported or not). */
export function isDropped(dropped: readonly DroppedField[], e: YEntry | undefined): boolean {
  return e !== undefined && dropped.some((d) => d.entry === e || (d.alsoDropped ?? []).includes(e));
}
