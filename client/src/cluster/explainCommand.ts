/**
 * "Pod Lens: Explain Pod From Cluster…" (issue 17): pick a namespace (from the cluster's list, or typed when the
 * context may not list namespaces), an optional label selector, then a live pod; it opens as a read-only
 * `podlens:` document that Pod Lens explains like a saved `kubectl get pod -o yaml`. GET requests only.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClusterNamespacesRequest, LivePodsRequest } from '../../../server/src/protocol/requests';
import type { LivePodDocuments } from './livePodDocuments';
import { livePodRef, openLivePod } from './livePodDocuments';
import { clusterTarget } from './target';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A quick pick of the cluster's namespaces that also takes a typed name. */
async function pickNamespace(client: LanguageClient): Promise<{ namespace: string } | undefined> {
  const listed = await client.sendRequest(ClusterNamespacesRequest.type, { cluster: clusterTarget() });
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = vscode.l10n.t('Pod Lens: the namespace of the pod');
  qp.placeholder = listed.ok ? vscode.l10n.t('A namespace of context {0}, or type one', listed.context) : vscode.l10n.t('Type a namespace ({0})', listed.message);
  const base: vscode.QuickPickItem[] = listed.ok
    ? [listed.defaultNamespace, ...listed.namespaces.filter((n) => n !== listed.defaultNamespace)].map((n) => ({ label: n, ...(n === listed.defaultNamespace ? { description: vscode.l10n.t('the context\'s namespace') } : {}) }))
    : [];
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const typed = v.trim();
    qp.items = typed && NAME.test(typed) && !base.some((i) => i.label === typed) ? [{ label: typed, description: vscode.l10n.t('typed') }, ...base] : base;
  });
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const label = qp.selectedItems[0]?.label ?? qp.value.trim();
      if (!NAME.test(label)) return;
      done = true;
      resolve({ namespace: label });
      qp.hide();
    });
    qp.onDidHide(() => { if (!done) resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

export function explainPodFromCluster(client: LanguageClient): () => Promise<void> {
  return async () => {
    const ns = await pickNamespace(client);
    if (!ns) return;
    const selector = await vscode.window.showInputBox({
      title: vscode.l10n.t('Pod Lens: a label selector (optional)'),
      prompt: vscode.l10n.t('For example app=web,tier!=db; leave empty for every pod of {0}.', ns.namespace),
    });
    if (selector === undefined) return;
    const pods = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Pod Lens: reading pods…') },
      () => client.sendRequest(LivePodsRequest.type, { cluster: clusterTarget(), namespace: ns.namespace, labelSelector: selector }));
    if (!pods.ok) { void vscode.window.showErrorMessage(pods.message); return; }
    if (pods.pods.length === 0) { void vscode.window.showInformationMessage(vscode.l10n.t('No pod in namespace {0} matches.', ns.namespace)); return; }
    const pick = await vscode.window.showQuickPick(pods.pods.map((p) => ({
      label: p.name,
      description: [p.phase, vscode.l10n.t('ready {0}', p.ready), vscode.l10n.t('restarts {0}', p.restarts), p.reason].filter(Boolean).join(' · '),
      pod: p,
    })), { title: vscode.l10n.t('Pod Lens: the pod to explain ({0})', pods.context), matchOnDescription: true });
    if (!pick) return;
    await openLivePod({ namespace: pick.pod.namespace, name: pick.pod.name, context: pods.context });
  };
}

export function refreshLivePod(documents: LivePodDocuments): (uri?: unknown) => void {
  return (uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (target && livePodRef(target)) documents.refresh(target);
  };
}
