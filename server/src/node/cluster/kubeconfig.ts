/**
 * The user's kubeconfig, read with @kubernetes/client-node (issue 17): the file given, else $KUBECONFIG, else
 * ~/.kube/config; the context given, else the current one. Authentication (tokens, client certificates, exec
 * plugins, OIDC) is whatever client-node supports; Pod Lens never reads or prints a credential itself.
 * Loaded only when the user asks for a cluster command (opt-in): nothing here runs at server start.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { KubeConfig } from '@kubernetes/client-node' with { 'resolution-mode': 'import' };

export interface KubeconfigChoice {
  /** A kubeconfig file (--kubeconfig, podLens.cluster.kubeconfig); else $KUBECONFIG, else ~/.kube/config. */
  readonly kubeconfig?: string | undefined;
  /** A context name; else the kubeconfig's current context. */
  readonly context?: string | undefined;
}

export interface LoadedKubeconfig {
  readonly config: KubeConfig;
  readonly context: string;
  readonly contexts: readonly string[];
  /** The context's namespace, else `default`. */
  readonly namespace: string;
  /** The API server's URL (never credentials). */
  readonly server: string;
}

export type KubeconfigResult = { readonly ok: true; readonly value: LoadedKubeconfig } | { readonly ok: false; readonly message: string };

function defaultFiles(): string[] {
  const env = process.env['KUBECONFIG'];
  if (env) return env.split(path.delimiter).filter(Boolean);
  return [path.join(os.homedir(), '.kube', 'config')];
}

export async function loadKubeconfig(choice: KubeconfigChoice): Promise<KubeconfigResult> {
  const files = choice.kubeconfig ? [choice.kubeconfig] : defaultFiles();
  const existing = files.filter((f) => fs.existsSync(f));
  if (existing.length === 0) {
    return {
      ok: false,
      message: choice.kubeconfig
        ? l10n.t('No kubeconfig at {0}.', choice.kubeconfig)
        : l10n.t('No kubeconfig found ({0}): set KUBECONFIG, pass --kubeconfig, or set podLens.cluster.kubeconfig.', files.join(path.delimiter)),
    };
  }
  const { KubeConfig: KubeConfigClass } = await import('@kubernetes/client-node');
  const config = new KubeConfigClass();
  try {
    if (choice.kubeconfig) config.loadFromFile(choice.kubeconfig);
    else if (existing.length === 1) config.loadFromFile(existing[0]!);
    else config.loadFromDefault();
  } catch (e) {
    // client-node's messages name the file and the YAML problem, never a credential.
    return { ok: false, message: l10n.t('The kubeconfig cannot be read: {0}', firstLine(e)) };
  }
  const contexts = config.getContexts().map((c) => c.name);
  const context = choice.context ?? config.getCurrentContext();
  if (!context) return { ok: false, message: l10n.t('The kubeconfig has no current context; choose one of: {0}.', contexts.join(', ') || '-') };
  if (!contexts.includes(context)) return { ok: false, message: l10n.t('The kubeconfig has no context named {0} (it has: {1}).', context, contexts.join(', ') || '-') };
  config.setCurrentContext(context);
  const cluster = config.getCurrentCluster();
  if (!cluster?.server) return { ok: false, message: l10n.t('Context {0} names no cluster with a server URL.', context) };
  return { ok: true, value: { config, context, contexts, namespace: config.getContextObject(context)?.namespace || 'default', server: cluster.server } };
}

export function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
}
