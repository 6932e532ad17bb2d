/** The preview's HTML shell: strict CSP, nonce-only script, data passed as escaped JSON, no inline code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeAttribute, makeNonce, renderShell } from '../../../client/src/preview/html';
import { previewStrings } from '../../../client/src/preview/strings';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const identity = { t: (m: string) => m };

function shell(extra: Partial<Parameters<typeof renderShell>[0]> = {}) {
  return renderShell({
    cspSource: CSP_SOURCE, scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`, styleUri: `${CSP_SOURCE}/ext/client/media/preview.css`,
    strings: previewStrings(identity), title: 'Lifecycle Preview', nonce: 'bm9uY2U=', ...extra,
  });
}

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'CSP meta tag');
  return m[1]!.replace(/&#39;/g, "'");
}

describe('content security policy', () => {
  it('is default-src none with only our origin for styles, fonts and images and a nonce for scripts', () => {
    const directives = Object.fromEntries(contentSecurityPolicy(CSP_SOURCE, 'abc').split('; ').map((d) => { const [k, ...v] = d.split(' '); return [k, v.join(' ')]; }));
    assert.deepEqual(directives, {
      'default-src': "'none'",
      'style-src': CSP_SOURCE,
      'font-src': CSP_SOURCE,
      'img-src': CSP_SOURCE,
      'script-src': "'nonce-abc'",
    });
  });

  it('the page carries it, with no unsafe-inline, unsafe-eval, data: or remote hosts', () => {
    const csp = cspOf(shell());
    assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, 'bm9uY2U='));
    assert.doesNotMatch(csp, /unsafe-|data:|\*|http:/);
  });
});

describe('shell', () => {
  it('has exactly one script, external, with the nonce; no inline script, handler or style', () => {
    const html = shell();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]![1]!, /nonce="bm9uY2U="/);
    assert.ok(scripts[0]![1]!.includes(`src="${CSP_SOURCE}/ext/dist/webview.js"`));
    assert.equal(scripts[0]![2]!.trim(), '');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
    assert.ok(html.includes(`<link rel="stylesheet" href="${CSP_SOURCE}/ext/client/media/preview.css">`));
  });

  it('uses a fresh 128-bit nonce per page when none is given', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
    const n1 = /nonce="([^"]+)"/.exec(shell({ nonce: undefined }))![1];
    const n2 = /nonce="([^"]+)"/.exec(shell({ nonce: undefined }))![1];
    assert.notEqual(n1, n2);
  });

  it('passes the strings as JSON in data-strings, escaped so that no string can end the attribute', () => {
    const evil = { ...previewStrings(identity), scenario: '"><script>alert(1)</script>', at: "' onload='x" };
    const html = shell({ strings: evil, title: '</title><script>x()</script>', lang: 'en" onload="y' });
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.doesNotMatch(html, /onload=['"]/);
    const attr = /data-strings="([^"]*)"/.exec(html)![1]!;
    const decoded = attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), evil);
    assert.equal(escapeAttribute(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('every string id the webview uses has a non-empty English text', () => {
    for (const [id, text] of Object.entries(previewStrings(identity))) assert.ok(typeof text === 'string' && text.length > 0, id);
  });
});
