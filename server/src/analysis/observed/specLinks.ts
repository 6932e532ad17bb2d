/**
 * The spec field behind an observed effect: the span to point a diagnostic at and to match a hover
 * on. Spans run from the key to the end of the value.
 */
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import { entry, get, isMap, items, str } from '../../model/tree';
import type { Span, YEntry, YNode } from '../../model/tree';

export interface SpecLink {
  readonly span: Span;
  /** A readable path, e.g. `containers[0].resources.limits.memory`. */
  readonly path: string;
}

function link(e: YEntry | undefined, path: string): SpecLink | undefined {
  if (!e) return undefined;
  return { span: { start: e.keySpan.start, end: e.value?.span.end ?? e.keySpan.end }, path };
}

const cPath = (c: ContainerModel) => `${c.listKey}[${c.index}]`;

export function containerField(c: ContainerModel, ...keys: string[]): SpecLink | undefined {
  let node: YNode | undefined = c.node;
  let e: YEntry | undefined;
  for (const k of keys) {
    e = entry(node, k);
    if (!e) return undefined;
    node = e.value;
  }
  return link(e, `${cPath(c)}.${keys.join('.')}`);
}

export function containerName(c: ContainerModel): SpecLink {
  return link(entry(c.node, 'name'), `${cPath(c)}.name`) ?? { span: c.span, path: cPath(c) };
}

export function podField(pod: PodSpecModel, ...keys: string[]): SpecLink | undefined {
  let node: YNode | undefined = pod.spec;
  let e: YEntry | undefined;
  for (const k of keys) {
    e = entry(node, k);
    if (!e) return undefined;
    node = e.value;
  }
  return link(e, `spec.${keys.join('.')}`);
}

/** The env or envFrom entry that names a ConfigMap or Secret (for CreateContainerConfigError). */
export function configReference(c: ContainerModel, name: string | undefined): SpecLink | undefined {
  if (name !== undefined) {
    const env = items(get(c.node, 'env'));
    for (let i = 0; i < env.length; i++) {
      const from = get(env[i], 'valueFrom');
      for (const k of ['configMapKeyRef', 'secretKeyRef']) {
        if (str(get(get(from, k), 'name')) === name && isMap(env[i])) {
          return { span: env[i]!.span, path: `${cPath(c)}.env[${i}]` };
        }
      }
    }
    const envFrom = items(get(c.node, 'envFrom'));
    for (let i = 0; i < envFrom.length; i++) {
      for (const k of ['configMapRef', 'secretRef']) {
        if (str(get(get(envFrom[i], k), 'name')) === name) return { span: envFrom[i]!.span, path: `${cPath(c)}.envFrom[${i}]` };
      }
    }
  }
  return containerField(c, 'env') ?? containerField(c, 'envFrom');
}
