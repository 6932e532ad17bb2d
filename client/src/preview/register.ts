/** The lifecycle preview's command and serializer. */
import * as vscode from 'vscode';
import type { CommandFactory } from '../commands/index';
import { parseState } from './messages';
import { LifecyclePreview, PREVIEW_VIEW_TYPE } from './previewPanel';

/**
 * `podLens.showLifecyclePreview [uri] [podIndex]`: from the palette (the pod under the cursor) or from
 * the code lens (service/codeLens.ts passes the document URI and the file-level pod index).
 * The factory runs once, when the command table is registered; that is also where the client is
 * available, so the serializer (which revives the panel after a reload) is registered there too.
 */
export function registerPreview(_context: vscode.ExtensionContext): Record<string, CommandFactory> {
  return {
    'podLens.showLifecyclePreview': (client, context) => {
      context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
          LifecyclePreview.revive(client, context, panel, parseState(state));
        },
      }));
      return (uri?: unknown, pod?: unknown) => {
        // Other extensions and keybindings can pass anything: take only what has the right type.
        const uriText = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined;
        const index = typeof pod === 'number' && Number.isInteger(pod) && pod >= 0 ? pod : undefined;
        LifecyclePreview.show(client, context, uriText, uriText !== undefined ? index : undefined);
      };
    },
  };
}
