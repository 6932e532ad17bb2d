/** The lifecycle preview's command and serializer. */
import * as vscode from 'vscode';
import type { CommandFactory } from '../commands/index';

export function registerPreview(_context: vscode.ExtensionContext): Record<string, CommandFactory> {
  return {
    'podLens.showLifecyclePreview': () => () => {
      void vscode.window.showInformationMessage(vscode.l10n.t('The lifecycle preview is not available yet.'));
    },
  };
}
