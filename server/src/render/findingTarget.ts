/**
 * The rendered path a finding is about. Most findings sit on the value they judge; a finding about a
 * field that is missing sits on its container's name, but the line to edit is where the field would be
 * written (`resources.limits.memory` for a missing memory limit), so the path is extended to it and
 * the mapping lands on the deepest key along it that exists.
 */
import type { PathSeg, YamlPath } from './yamlPath';

const MISSING_FIELD: Readonly<Record<string, readonly string[]>> = {
  'missing-memory-limit': ['resources', 'limits', 'memory'],
  'missing-requests': ['resources', 'requests'],
  'missing-readiness-probe': ['readinessProbe'],
  'container-image-required': ['image'],
};

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

export function findingPath(code: string, at: YamlPath): PathSeg[] {
  const suffix = MISSING_FIELD[code];
  if (!suffix) return [...at];
  for (let i = at.length - 1; i > 0; i--) {
    if (typeof at[i] === 'number' && CONTAINER_LISTS.has(String(at[i - 1]))) return [...at.slice(0, i + 1), ...suffix];
  }
  return [...at];
}

/**
 * The other field a finding compares its field with (`readinessProbe` for `identical-liveness-readiness` on a
 * `livenessProbe`): when both come from one values key, the line to edit is the template's, not the key's.
 */
export function pairedPath(code: string, path: YamlPath): PathSeg[] | undefined {
  if (code !== 'identical-liveness-readiness') return undefined;
  const i = path.lastIndexOf('livenessProbe');
  return i >= 0 ? [...path.slice(0, i), 'readinessProbe', ...path.slice(i + 1)] : undefined;
}

/**
 * The part of a rendered scalar a finding is about, when a line writes it from several values
 * (`image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"`): the tag for `image-latest-tag`.
 */
export function findingValue(code: string, rendered: string | undefined): string | undefined {
  if (rendered === undefined) return undefined;
  if (code === 'image-latest-tag') {
    const noDigest = rendered.replace(/@.*$/, '');
    const colon = noDigest.lastIndexOf(':');
    return colon > noDigest.lastIndexOf('/') ? noDigest.slice(colon + 1) : rendered;
  }
  return rendered;
}
