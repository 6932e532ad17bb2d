/**
 * `restartPolicy: Always` on a container, which makes an init container a sidecar; shared by the
 * fixes of init-container-forbidden-field and legacy-sidecar-in-job.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import type { ContainerModel } from '../../model/pod';
import { entry } from '../../model/tree';
import type { YEntry } from '../../model/tree';
import { insertEntry, setValue } from './text';
import type { TextEdit } from './text';

/** Where `restartPolicy: Always` reads best: after image (or name). */
function anchorEntry(c: ContainerModel): YEntry | undefined {
  return entry(c.node, 'image') ?? entry(c.node, 'name');
}

/** `restartPolicy: Always` on the container: set the existing key, or insert one. */
export function makeSidecarEdit(text: string, c: ContainerModel): TextEdit | undefined {
  const rp = entry(c.node, 'restartPolicy');
  if (rp) return setValue(text, rp, 'Always');
  return insertEntry(text, c.node, 'restartPolicy', 'Always', { after: anchorEntry(c) });
}
