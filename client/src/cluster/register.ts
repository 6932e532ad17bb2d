/** The cluster commands (issue 17), added to the command table by extension.ts. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CommandFactory } from '../commands/index';
import { explainPodFromCluster, refreshLivePod } from './explainCommand';
import { registerLivePodDocuments } from './livePodDocuments';
import type { LivePodDocuments } from './livePodDocuments';
import { chooseClusterContext } from './target';
import { verifyAgainstCluster } from './verifyCommand';

export function registerClusterCommands(): Record<string, CommandFactory> {
  // One content provider for `podlens:` documents, shared by the explain and refresh commands.
  let documents: LivePodDocuments | undefined;
  const documentsOf = (client: LanguageClient, context: vscode.ExtensionContext) => (documents ??= registerLivePodDocuments(client, context));
  return {
    'podLens.verifyAgainstCluster': (client, context) => verifyAgainstCluster(client, context),
    'podLens.chooseClusterContext': (client) => chooseClusterContext(client),
    'podLens.explainPodFromCluster': (client, context) => { documentsOf(client, context); return explainPodFromCluster(client); },
    'podLens.refreshLivePod': (client, context) => refreshLivePod(documentsOf(client, context)),
  };
}
