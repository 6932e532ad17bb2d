/** What every LSP feature adapter gets: the connection, open documents, the service and settings. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PodService, TextSnapshot } from '../service/index';
import type { Rendering } from './rendering';
import type { SettingsCache } from './settings';
import type { WorkspaceState } from './workspace';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: PodService;
  readonly settings: SettingsCache;
  readonly log: (message: string) => void;
  /** Rendered charts and overlays (issue 15), when the runtime can render. */
  readonly rendering?: Rendering;
  /** The workspace index (issue 16), when the runtime can read the workspace's files. */
  readonly workspace?: WorkspaceState;
}

export function snapshot(doc: TextDocument): TextSnapshot {
  return { uri: doc.uri, version: doc.version, text: doc.getText() };
}
