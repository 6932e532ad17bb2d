/**
 * The language server's access to a cluster (issue 17), injected into startServer as `RuntimeEnvironment.cluster`
 * (like the renderer): the same kubeconfig loading, dry-run verify and live-pod reads as the CLI, shaped as the
 * protocol's results (protocol/cluster.ts). Nothing here runs until the user runs a cluster command.
 */
import type { Position } from 'vscode-languageserver-protocol';
import type { ContainerSummary, PodSummary } from '../../protocol/analysis';
import type {
  ClusterContainerView, ClusterContextsResult, ClusterNamespacesResult, ClusterTarget, LivePodResult, LivePodsResult, VerifiedObjectView, VerifyResult,
} from '../../protocol/cluster';
import type { PodService } from '../../service/index';
import type { PodLensSettings } from '../../service/settings';
import type { ClusterAccess } from '../../lsp/cluster';
import { loadKubeconfig } from './kubeconfig';
import type { KubeconfigChoice } from './kubeconfig';
import { getLivePod, listLivePods, listNamespaces } from './livePods';
import { verifyText } from './verify';
import type { VerifiedObject } from './verify';

/** Empty strings (an unset setting) mean "the default". */
function choice(target: ClusterTarget | undefined): KubeconfigChoice {
  return { kubeconfig: target?.kubeconfig || undefined, context: target?.context || undefined };
}

const sideOf = (c: ContainerSummary) => ({ requests: c.requests, limits: c.limits });
const keyOf = (c: ContainerSummary) => `${c.role === 'app' ? 'app' : c.role === 'ephemeral' ? 'ephemeral' : 'init'}/${c.name}`;

/** Each container on both sides, in the server pod's order, then those only Pod Lens has. */
export function containerViews(predicted: PodSummary, server: PodSummary | null): ClusterContainerView[] {
  const mine = new Map(predicted.containers.map((c) => [keyOf(c), c]));
  const out: ClusterContainerView[] = [];
  const seen = new Set<string>();
  for (const c of server?.containers ?? []) {
    const p = mine.get(keyOf(c));
    seen.add(keyOf(c));
    out.push({ name: c.name, role: c.role, predicted: p ? sideOf(p) : null, server: sideOf(c) });
  }
  for (const c of predicted.containers) {
    if (!seen.has(keyOf(c))) out.push({ name: c.name, role: c.role, predicted: sideOf(c), server: null });
  }
  return out;
}

function objectView(o: VerifiedObject): VerifiedObjectView {
  return {
    kind: o.kind, name: o.name, namespace: o.namespace, range: o.range,
    predicted: o.predicted, server: o.server,
    containers: containerViews(o.predictedPod, o.serverSummary),
    changes: o.changes, errors: o.errors,
  };
}

export function editorCluster(): ClusterAccess {
  return {
    async contexts(target: ClusterTarget): Promise<ClusterContextsResult> {
      const loaded = await loadKubeconfig({ kubeconfig: choice(target).kubeconfig });
      if (loaded.ok) return { ok: true, current: loaded.value.context, contexts: loaded.value.contexts };
      return loaded;
    },
    async verify(doc: { uri: string; version: number; text: string }, at: Position | undefined, service: PodService, settings: PodLensSettings, target: ClusterTarget): Promise<VerifyResult> {
      const r = await verifyText(doc.text, doc.uri, service, settings, { ...choice(target), at });
      if (!r.ok) return r;
      return {
        ok: true, uri: doc.uri, version: doc.version, context: r.report.context, server: r.report.server,
        clusterVersion: r.report.clusterVersion, targetVersion: settings.kubernetesVersion,
        objects: r.report.objects.map(objectView),
      };
    },
    async namespaces(target: ClusterTarget): Promise<ClusterNamespacesResult> {
      return listNamespaces(choice(target));
    },
    async pods(target: ClusterTarget, namespace: string | undefined, labelSelector: string | undefined): Promise<LivePodsResult> {
      return listLivePods(namespace || undefined, labelSelector || undefined, choice(target));
    },
    async pod(target: ClusterTarget, namespace: string, name: string): Promise<LivePodResult> {
      const r = await getLivePod(namespace || undefined, name, choice(target));
      if (!r.ok) return r;
      return { ok: true, context: r.pod.context, namespace: r.pod.namespace, name: r.pod.name, yaml: r.pod.yaml };
    },
  };
}
