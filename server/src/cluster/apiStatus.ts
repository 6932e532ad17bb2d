/**
 * A Kubernetes API answer that is not the object asked for (a `Status`, metav1.Status), in the user's words:
 * 401, 403, a namespace that does not exist, and the field causes of an Invalid (422) answer. Pure.
 */
import * as l10n from '@vscode/l10n';

export interface StatusCause { readonly reason: string; readonly message: string; readonly field: string }

export interface ApiStatus {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly causes: readonly StatusCause[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readStatus(httpStatus: number, body: unknown): ApiStatus {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const details = (b['details'] && typeof b['details'] === 'object' ? b['details'] : {}) as Record<string, unknown>;
  const causes = Array.isArray(details['causes']) ? details['causes'] as Record<string, unknown>[] : [];
  return {
    code: typeof b['code'] === 'number' ? b['code'] : httpStatus,
    reason: str(b['reason']),
    message: str(b['message']),
    kind: str(details['kind']) || undefined,
    name: str(details['name']) || undefined,
    causes: causes.map((c) => ({ reason: str(c['reason']), message: str(c['message']), field: str(c['field']) })),
  };
}

export interface RequestContext {
  readonly server: string;
  readonly context: string;
  readonly namespace: string | undefined;
  /** What was asked, e.g. "create pods (dry run)", "list pods". */
  readonly action: string;
}

/** The message for an answer that stops the whole command (401, 403, missing namespace, 5xx), else undefined. */
export function fatalMessage(s: ApiStatus, ctx: RequestContext): string | undefined {
  if (s.code === 401) return l10n.t('The cluster at {0} did not accept the credentials of context {1} (401 Unauthorized): they are missing, wrong or expired.', ctx.server, ctx.context);
  if (s.code === 403) {
    // "error looking up service account" is the ServiceAccount admission plugin, not RBAC.
    if (/service account/i.test(s.message)) return l10n.t('The cluster refused the pod (403 Forbidden): {0}', s.message);
    if (ctx.namespace === undefined) return l10n.t('Context {0} may not {1} (403 Forbidden): {2}', ctx.context, ctx.action, s.message);
    return l10n.t('Context {0} may not {1} in namespace {2} (403 Forbidden): {3}', ctx.context, ctx.action, ctx.namespace, s.message);
  }
  if (s.code === 404 && s.kind === 'namespaces') return l10n.t('Namespace {0} does not exist on the cluster of context {1}.', s.name ?? ctx.namespace ?? '-', ctx.context);
  if (s.code === 404 && ctx.namespace && /namespaces? .*not found/i.test(s.message)) return l10n.t('Namespace {0} does not exist on the cluster of context {1}.', ctx.namespace, ctx.context);
  if (s.code >= 500 || s.code === 0) return l10n.t('The cluster at {0} answered {1}: {2}', ctx.server, s.code, s.message || s.reason || '-');
  return undefined;
}
