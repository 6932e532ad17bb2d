/**
 * Feature adapters beyond diagnostics, code lenses and the analysis request. Each feature is one
 * file with a `register*(ctx)` and its capability.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';
import { hoverCapabilities, registerHover } from './hover';
import { codeActionCapabilities, registerCodeActions } from './codeActions';
import { lifecycleCapabilities, registerLifecycle } from './lifecycle';

export function serverCapabilities(): Partial<ServerCapabilities> {
  return { ...hoverCapabilities(), ...codeActionCapabilities(), ...lifecycleCapabilities() };
}

export function registerFeatures(ctx: ServerContext): void {
  registerHover(ctx);
  registerCodeActions(ctx);
  registerLifecycle(ctx);
}
