/**
 * Hover on `emptyDir` / `emptyDir.sizeLimit`: what the limit does (eviction, not a quota) for disk
 * and memory-backed volumes.
 * https://kubernetes.io/docs/concepts/storage/volumes/#emptydir
 */
import * as l10n from '@vscode/l10n';
import { formatQuantity, parseQuantity, quantityText } from '../../../model/quantity';
import { get, getPath, isScalar, str } from '../../../model/tree';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link } from '../md';

export function emptyDirHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p || p[0] !== 'volumes' || typeof p[1] !== 'number' || p[2] !== 'emptyDir') return undefined;
  if (p.length > 4 || (p.length === 4 && p[3] !== 'sizeLimit')) return undefined;
  const vol = getPath(t.analysis.pod.spec, ['volumes']);
  const v = isScalar(vol) ? undefined : (vol?.type === 'seq' ? vol.items[p[1]] : undefined);
  const dir = get(v, 'emptyDir');
  const name = str(get(v, 'name')) ?? '';
  const memory = str(get(dir, 'medium')) === 'Memory';
  const raw = get(dir, 'sizeLimit');
  const text = isScalar(raw) ? quantityText(raw.value, raw.source, raw.quoted) : undefined;
  const parsed = text ? parseQuantity(text) : undefined;
  const limit = parsed ? formatQuantity(parsed) : undefined;
  return blocks(
    heading(l10n.t('emptyDir {0}', code(name))),
    bullets([
      memory
        ? l10n.t('medium: Memory: a tmpfs in RAM. Its files count as memory of the containers that write them, against their memory limits.')
        : l10n.t('On the node\'s disk (or its ephemeral storage): it lives as long as the pod and is deleted with it; a container restart keeps it.'),
      limit
        ? memory
          ? l10n.t('sizeLimit {0}: the tmpfs is at most this big; beyond it, writes fail with no space left.', limit)
          : l10n.t('sizeLimit {0}: not a quota. Writes are not blocked; the kubelet evicts the whole pod once the volume uses more than this (checked periodically).', limit)
        : memory
          ? l10n.t('No sizeLimit: the tmpfs can grow up to the pod\'s memory limit (or the node\'s allocatable memory).')
          : l10n.t('No sizeLimit: it can fill the node\'s disk, limited only by ephemeral-storage limits and node eviction.'),
    ]),
    link(DOCS.emptyDir),
  );
}
