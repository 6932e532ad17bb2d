/**
 * The "Verify Against Cluster" panel's page (issue 17): Pod Lens's prediction and the server's answer side by side,
 * what admission added or changed highlighted with its cause, and the server's validation errors. A static page:
 * no script at all (`script-src 'none'`), styles only from client/media/verify.css. Every text that came from the
 * YAML or the cluster (names, quantities, messages) is escaped here and rendered as text, never as markup.
 * Kept free of `vscode` imports so the unit tests build the same page; strings come localized from the host.
 */
import type { ClusterContainerView, ClusterResources, VerifiedObjectView, VerifyResult } from '../../../server/src/protocol/cluster';
import type { QuantityList } from '../../../server/src/protocol/analysis';
import { escapeAttribute, escapeHtml } from '../preview/html';

export interface VerifyStrings {
  readonly title: string;
  /** `Context {0} ({1}), Kubernetes {2}` */
  readonly contextLine: string;
  /** `The cluster runs Kubernetes {0}; Pod Lens predicted for {1}.` */
  readonly versionDiffers: string;
  /** `{0} in namespace {1}: accepted by the server (dry run, nothing created)` */
  readonly accepted: string;
  /** `{0} in namespace {1}: rejected by the server` */
  readonly rejected: string;
  readonly predicted: string;
  readonly server: string;
  readonly qosClass: string;
  /** `requests {0}` / `limits {0}` */
  readonly requestOf: string;
  readonly limitOf: string;
  readonly containers: string;
  /** `{0} ({1})`: container name and role */
  readonly containerLabel: string;
  readonly requests: string;
  readonly limits: string;
  readonly notInPod: string;
  readonly changes: string;
  readonly field: string;
  readonly change: string;
  readonly cause: string;
  readonly noChanges: string;
  /** `added {0}` / `removed {0}` / `{0} → {1}` */
  readonly added: string;
  readonly removed: string;
  readonly changed: string;
  readonly errors: string;
  readonly differs: string;
  readonly noPod: string;
  readonly roles: Readonly<Record<ClusterContainerView['role'], string>>;
}

export interface VerifyPageOptions {
  readonly cspSource: string;
  readonly styleUri: string;
  readonly lang?: string;
  readonly fileName: string;
  readonly strings: VerifyStrings;
}

/** `{0}`-style templates filled with already escaped arguments. */
function fill(template: string, ...args: string[]): string {
  return escapeHtml(template).replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
}

const e = escapeHtml;

/** No script may run in this page: nothing from the cluster or the YAML can become code. */
export function verifyContentSecurityPolicy(cspSource: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource}`, `script-src 'none'`].join('; ');
}

function quantities(q: QuantityList | undefined): string {
  if (!q) return '';
  const entries = Object.entries(q);
  return entries.length ? entries.map(([k, v]) => `${e(k)}=${e(v)}`).join(' ') : '-';
}

function row(label: string, predicted: string, server: string | undefined, s: VerifyStrings): string {
  const differs = server !== undefined && predicted !== server;
  const mark = differs ? ` <span class="badge">${e(s.differs)}</span>` : '';
  return `<tr${differs ? ' class="differs"' : ''}><th scope="row">${label}${mark}</th><td>${predicted}</td><td>${server ?? ''}</td></tr>`;
}

function podTable(o: VerifiedObjectView, s: VerifyStrings): string {
  const p = o.predicted;
  const v: ClusterResources | null = o.server;
  const rows = [row(e(s.qosClass), e(p.qosClass), v ? e(v.qosClass) : undefined, s)];
  for (const [key, template] of [['requests', s.requestOf], ['limits', s.limitOf]] as const) {
    const names = [...new Set([...Object.keys(p[key]), ...Object.keys(v?.[key] ?? {})])].sort();
    for (const r of names) rows.push(row(fill(template, e(r)), e(p[key][r] ?? '-'), v ? e(v[key][r] ?? '-') : undefined, s));
  }
  return `<table class="compare"><thead><tr><th></th><th scope="col">${e(s.predicted)}</th><th scope="col">${e(s.server)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function containerTable(o: VerifiedObjectView, s: VerifyStrings): string {
  if (!o.server || o.containers.length === 0) return '';
  const rows = o.containers.map((c) => {
    const label = fill(s.containerLabel, e(c.name), e(s.roles[c.role] ?? c.role));
    const absent = `<em>${e(s.notInPod)}</em>`;
    const side = (x: ClusterContainerView['predicted'], key: 'requests' | 'limits') => (x ? quantities(x[key]) : absent);
    return `<tr class="container"><th scope="rowgroup" colspan="3">${label}</th></tr>`
      + row(e(s.requests), side(c.predicted, 'requests'), side(c.server, 'requests'), s)
      + row(e(s.limits), side(c.predicted, 'limits'), side(c.server, 'limits'), s);
  });
  return `<h3>${e(s.containers)}</h3><table class="compare"><thead><tr><th></th><th scope="col">${e(s.predicted)}</th><th scope="col">${e(s.server)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function changeList(o: VerifiedObjectView, s: VerifyStrings): string {
  if (!o.server) return '';
  if (o.changes.length === 0) return `<h3>${e(s.changes)}</h3><p class="muted">${e(s.noChanges)}</p>`;
  const rows = o.changes.map((c) => {
    const what = c.change === 'added' ? fill(s.added, e(c.to ?? '')) : c.change === 'removed' ? fill(s.removed, e(c.from ?? '')) : fill(s.changed, e(c.from ?? ''), e(c.to ?? ''));
    return `<tr class="${c.change}"><td><code>${e(c.path)}</code></td><td>${what}</td><td class="cause">${e(c.cause)}</td></tr>`;
  });
  return `<h3>${e(s.changes)}</h3><table class="changes"><thead><tr><th scope="col">${e(s.field)}</th><th scope="col">${e(s.change)}</th><th scope="col">${e(s.cause)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function errorList(o: VerifiedObjectView, s: VerifyStrings, fileName: string): string {
  if (o.errors.length === 0) return '';
  const items = o.errors.map((x) => `<li><span class="where">${e(fileName)}:${x.range.start.line + 1}:${x.range.start.character + 1}</span> ${e(x.message)}</li>`);
  return `<h3>${e(s.errors)}</h3><ul class="errors">${items.join('')}</ul>`;
}

function objectSection(o: VerifiedObjectView, s: VerifyStrings, fileName: string): string {
  const name = e(`${o.kind}/${o.name ?? '-'}`);
  const verdict = fill(o.server ? s.accepted : s.rejected, `<strong>${name}</strong>`, `<code>${e(o.namespace)}</code>`);
  return `<section class="object ${o.server ? 'accepted' : 'rejected'}"><h2>${verdict}</h2>${podTable(o, s)}${containerTable(o, s)}${changeList(o, s)}${errorList(o, s, fileName)}</section>`;
}

export function renderVerifyPage(result: Extract<VerifyResult, { ok: true }>, o: VerifyPageOptions): string {
  const s = o.strings;
  const a = escapeAttribute;
  const header = [`<p class="meta">${fill(s.contextLine, e(result.context), e(result.server), e(result.clusterVersion?.gitVersion ?? '?'))}</p>`];
  const minor = result.clusterVersion?.minor;
  if (minor && minor !== result.targetVersion) header.push(`<p class="note">${fill(s.versionDiffers, e(minor), e(result.targetVersion))}</p>`);
  const body = result.objects.length ? result.objects.map((x) => objectSection(x, s, o.fileName)).join('') : `<p>${e(s.noPod)}</p>`;
  return `<!DOCTYPE html>
<html lang="${a(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(verifyContentSecurityPolicy(o.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(o.styleUri)}">
<title>${e(s.title)}</title>
</head>
<body>
<main id="verify">
<h1>${e(s.title)}: ${e(o.fileName)}</h1>
${header.join('\n')}
${body}
</main>
</body>
</html>
`;
}
