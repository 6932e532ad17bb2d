/** LSP adapter for lifecycle (owned by the lifecycle work; replace this placeholder). */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export function lifecycleCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerLifecycle(_ctx: ServerContext): void {
  // not registered yet
}
