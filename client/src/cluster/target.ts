/**
 * Which cluster the editor asks (issue 17): `podLens.cluster.kubeconfig` (empty: $KUBECONFIG, else ~/.kube/config;
 * a leading `~/` is the home folder) and `podLens.cluster.context` (empty: the kubeconfig's current context).
 * The kubeconfig setting is application-scoped (user settings only): a kubeconfig can name an exec plugin, so a
 * workspace must not choose it. "Pod Lens: Choose Cluster Context…" stores a picked context in the user settings.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClusterTarget } from '../../../server/src/protocol/cluster';
import { ClusterContextsRequest } from '../../../server/src/protocol/requests';
import { SETTINGS_SECTION } from '../../../server/src/protocol/settings';

export const CLUSTER_KUBECONFIG = 'cluster.kubeconfig';
export const CLUSTER_CONTEXT = 'cluster.context';

export function clusterTarget(): ClusterTarget {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  let kubeconfig = (config.get<string>(CLUSTER_KUBECONFIG) ?? '').trim();
  if (kubeconfig === '~' || kubeconfig.startsWith('~/')) kubeconfig = path.join(os.homedir(), kubeconfig.slice(1));
  const context = (config.get<string>(CLUSTER_CONTEXT) ?? '').trim();
  return { ...(kubeconfig ? { kubeconfig } : {}), ...(context ? { context } : {}) };
}

/** "Pod Lens: Choose Cluster Context…": the kubeconfig's contexts; the pick goes into podLens.cluster.context. */
export function chooseClusterContext(client: LanguageClient): () => Promise<string | undefined> {
  return async () => {
    const target = clusterTarget();
    const r = await client.sendRequest(ClusterContextsRequest.type, { cluster: target });
    if (!r.ok) {
      void vscode.window.showErrorMessage(r.message);
      return undefined;
    }
    const useCurrent = vscode.l10n.t('The kubeconfig\'s current context ({0})', r.current || '-');
    const items: (vscode.QuickPickItem & { context: string })[] = [
      { label: useCurrent, context: '', picked: !target.context },
      ...r.contexts.map((c) => ({ label: c, context: c, description: c === target.context ? vscode.l10n.t('chosen') : c === r.current ? vscode.l10n.t('current') : undefined })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Pod Lens: the context to ask'), placeHolder: vscode.l10n.t('A context of the kubeconfig') });
    if (!pick) return undefined;
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(CLUSTER_CONTEXT, pick.context, vscode.ConfigurationTarget.Global);
    return pick.context || r.current;
  };
}
