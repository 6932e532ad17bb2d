/**
 * The lifecycle preview's HTML shell. It carries no data and no inline script: the webview script
 * (dist/webview.js, allowed by its nonce) draws everything from `update` messages, and the localized
 * strings travel as JSON in a `data-strings` attribute, as VS Code's markdown preview does
 * (extensions/markdown-language-features/src/preview/documentRenderer.ts).
 * Kept free of `vscode` imports so the unit and render tests can build the same page.
 */
import { randomBytes } from 'node:crypto';

export interface ShellOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(dist/webview.js)`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri(client/media/preview.css)`. */
  readonly styleUri: string;
  /** Localized webview strings, keyed by id. */
  readonly strings: Readonly<Record<string, string>>;
  /** `vscode.env.language`, for the `lang` attribute. */
  readonly lang?: string;
  readonly title: string;
  /** Only for tests; a fresh random nonce otherwise. */
  readonly nonce?: string;
}

/** 128 random bits: a nonce must not be guessable (the VS Code sample's Math.random one is). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe inside a double- or single-quoted attribute value and in text. */
export function escapeAttribute(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export const escapeHtml = escapeAttribute;

/**
 * The strictest policy the preview works under: nothing by default, styles/fonts/images only from
 * the extension's own files, scripts only with this page's nonce (no 'unsafe-inline', no 'unsafe-eval').
 * See https://code.visualstudio.com/api/extension-guides/webview#content-security-policy
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderShell(o: ShellOptions): string {
  const nonce = o.nonce ?? makeNonce();
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="${a(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(o.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="root" data-strings="${a(JSON.stringify(o.strings))}"></div>
<script nonce="${a(nonce)}" src="${a(o.scriptUri)}"></script>
</body>
</html>
`;
}
