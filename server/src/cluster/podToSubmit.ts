/**
 * The Pod that a dry-run create sends for an object (issue 17): a Pod as written (without status), or, for a
 * workload, the Pod its controller would create from the template, as k8s.io/kubernetes pkg/controller
 * GetPodFromTemplate builds it: the template's labels, annotations and finalizers, its spec, and
 * `generateName: <object name>-`. Owner references and controller-added labels (pod-template-hash,
 * controller-uid) change nothing that is compared, so they are not sent. Pure.
 */
export type Json = Record<string, unknown>;

const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

export const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export interface SubmittedPod {
  readonly pod: Json;
  /** Where the pod's root is inside the object (`[]` for a Pod, `['spec', 'template']` for a Deployment). */
  readonly templatePath: readonly string[];
}

/** The object's pod template path, or undefined when the kind has no pod. */
export function templatePathOf(kind: string): readonly string[] | undefined {
  return kind === 'Pod' ? [] : TEMPLATE_PATHS[kind];
}

export function podToSubmit(object: Json, namespace: string): SubmittedPod | undefined {
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const templatePath = templatePathOf(kind);
  if (!templatePath) return undefined;
  const meta = isObject(object['metadata']) ? object['metadata'] : {};
  if (kind === 'Pod') {
    const { status: _status, ...rest } = object;
    return { pod: { ...rest, apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, namespace } }, templatePath };
  }
  let template: unknown = object;
  for (const key of templatePath) template = isObject(template) ? template[key] : undefined;
  if (!isObject(template)) return undefined;
  const tmeta = isObject(template['metadata']) ? template['metadata'] : {};
  const name = typeof meta['name'] === 'string' && meta['name'] ? meta['name'] : kind.toLowerCase();
  const metadata: Json = { generateName: `${name}-`, namespace };
  for (const key of ['labels', 'annotations', 'finalizers']) if (tmeta[key] !== undefined) metadata[key] = tmeta[key];
  return { pod: { apiVersion: 'v1', kind: 'Pod', metadata, spec: template['spec'] ?? {} }, templatePath };
}

/**
 * A field path of a Status cause (`spec.containers[0].resources.requests.cpu`, `metadata.labels[app]`) as
 * segments, under the object's template path.
 */
export function fieldSegments(field: string, templatePath: readonly string[]): (string | number)[] {
  const out: (string | number)[] = [...templatePath];
  const re = /([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g;
  for (const m of field.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}
