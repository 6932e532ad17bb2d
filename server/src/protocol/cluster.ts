/**
 * The editor's cluster requests (issue 17): "Pod Lens: Verify Against Cluster" and "Pod Lens: Explain Pod From
 * Cluster…". The client reads `podLens.cluster.kubeconfig` / `podLens.cluster.context` and sends them as a
 * `ClusterTarget`; the server loads the kubeconfig (client-node, on first use) and talks to the cluster (GET and
 * dry-run POST only, each with a timeout). No credential is ever part of a params or a result: only file paths,
 * context names, the server URL and the cluster's answers. Type-only imports.
 */
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-protocol';
import type { QuantityList } from './analysis';

export interface ClusterTarget {
  /** A kubeconfig file; empty or absent: $KUBECONFIG, else ~/.kube/config. */
  readonly kubeconfig?: string;
  /** A context name; empty or absent: the kubeconfig's current context. */
  readonly context?: string;
}

/** Every answer is either what was asked for or one sentence saying why not (no stack trace). */
export type ClusterAnswer<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly message: string };

export interface ClusterContextsParams { readonly cluster: ClusterTarget }
export type ClusterContextsResult = ClusterAnswer<{ readonly current: string; readonly contexts: readonly string[] }>;

export interface ClusterResources { readonly qosClass: string; readonly requests: QuantityList; readonly limits: QuantityList }

export interface ClusterContainerView {
  readonly name: string;
  readonly role: 'init' | 'sidecar' | 'app' | 'ephemeral';
  /** Null when the container is only on one side (a webhook injected it, or admission removed it). */
  readonly predicted: { readonly requests: QuantityList; readonly limits: QuantityList } | null;
  readonly server: { readonly requests: QuantityList; readonly limits: QuantityList } | null;
}

export interface ClusterChangeView {
  /** A field path in the server's pod, e.g. `spec.containers[app].resources.requests.cpu`. */
  readonly path: string;
  readonly change: 'added' | 'changed' | 'removed';
  readonly from: string | null;
  readonly to: string | null;
  /** Why, in words: a LimitRange default, the ServiceAccount plugin, a mutating webhook… */
  readonly cause: string;
}

export interface ClusterErrorView { readonly field: string; readonly reason: string; readonly message: string; readonly range: Range }

export interface VerifiedObjectView {
  readonly kind: string;
  readonly name: string | null;
  readonly namespace: string;
  /** The object's range in the document. */
  readonly range: Range;
  readonly predicted: ClusterResources;
  /** Null when the server rejected the pod (then `errors` says why). */
  readonly server: ClusterResources | null;
  readonly containers: readonly ClusterContainerView[];
  readonly changes: readonly ClusterChangeView[];
  readonly errors: readonly ClusterErrorView[];
}

export interface VerifyParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Only the pod spec that contains this position; absent: every pod of the document. */
  readonly position?: Position;
  readonly cluster: ClusterTarget;
}

export type VerifyResult = ClusterAnswer<{
  readonly uri: string;
  /** The document version that was sent. */
  readonly version: number;
  readonly context: string;
  readonly server: string;
  readonly clusterVersion: { readonly gitVersion: string; readonly minor: string | null } | null;
  /** podLens.kubernetesVersion of the document, the version Pod Lens predicted for. */
  readonly targetVersion: string;
  readonly objects: readonly VerifiedObjectView[];
}>;

export interface ClusterNamespacesParams { readonly cluster: ClusterTarget }
export type ClusterNamespacesResult = ClusterAnswer<{ readonly context: string; readonly defaultNamespace: string; readonly namespaces: readonly string[] }>;

export interface LivePodsParams {
  readonly cluster: ClusterTarget;
  /** Empty or absent: the context's namespace. */
  readonly namespace?: string;
  /** A label selector (`app=web,tier!=db`); empty or absent: every pod. */
  readonly labelSelector?: string;
}

export interface LivePodEntryView {
  readonly namespace: string;
  readonly name: string;
  readonly phase: string;
  readonly ready: string;
  readonly restarts: number;
  readonly reason: string;
}

export type LivePodsResult = ClusterAnswer<{ readonly context: string; readonly pods: readonly LivePodEntryView[] }>;

export interface LivePodParams { readonly cluster: ClusterTarget; readonly namespace: string; readonly name: string }

/** The live pod as `kubectl get pod -o yaml` prints it (managedFields left out). */
export type LivePodResult = ClusterAnswer<{ readonly context: string; readonly namespace: string; readonly name: string; readonly yaml: string }>;
