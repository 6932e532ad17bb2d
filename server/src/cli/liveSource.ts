/**
 * `pod-lens explain --from-cluster NS/POD` (issue 17): the live pod, read with one GET through the user's
 * kubeconfig, as the source that explain.ts explains exactly like a file. Its name is `NS/POD`; its lines are
 * those of the pod's YAML as `kubectl get pod -o yaml` prints it.
 */
import { getLivePod, parsePodReference } from '../node/cluster/livePods';
import type { ClusterOptions } from './args';

export type LiveSource = { readonly ok: true; readonly name: string; readonly text: string } | { readonly ok: false; readonly message: string };

export async function liveSource(ref: string, cluster: ClusterOptions): Promise<LiveSource> {
  const parsed = parsePodReference(ref);
  if (!parsed) return { ok: false, message: `--from-cluster takes NAMESPACE/POD or POD (got ${ref})` };
  const r = await getLivePod(parsed.namespace ?? cluster.namespace, parsed.name, { kubeconfig: cluster.kubeconfig, context: cluster.context });
  if (!r.ok) return r;
  return { ok: true, name: `${r.pod.namespace}/${r.pod.name}`, text: r.pod.yaml };
}
