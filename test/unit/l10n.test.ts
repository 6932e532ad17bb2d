/**
 * Every user-visible string has a Simplified Chinese translation: scans the sources for literal
 * `l10n.t('...')` / `vscode.l10n.t("...")` calls (and parse.ts problem messages, which are localised
 * later) and checks them against the merged l10n/parts/*.zh-cn.json. Also checks that hovering
 * with the zh-cn bundle loaded (through the server's setupL10n) gives Chinese.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { setupL10n } from '../../server/src/node/l10n';
import { md } from './hover/hoverHelpers';
import { WEB, caret } from './hover/fixtures';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The value of a JS string literal body (quote removed). */
function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'x') return String.fromCodePoint(parseInt(e.replace(/[ux{}]/g, ''), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}

const LITERAL = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\$]|\\.)*\x60)`;

export function literalMessages(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const re = new RegExp(String.raw`\bl10n\.t\(\s*` + LITERAL, 'g');
  const out = [...text.matchAll(re)].map((m) => unescape(m[1]!.slice(1, -1)));
  if (file.endsWith(path.join('model', 'parse.ts'))) {
    // Syntax problems carry their message unlocalised; chunkAnalysis passes it through l10n.t.
    out.push(...[...text.matchAll(new RegExp(String.raw`\bmessage:\s*` + LITERAL, 'g'))].map((m) => unescape(m[1]!.slice(1, -1))));
  }
  return out;
}

function mergedParts(locale: string): Record<string, string> {
  const dir = path.join(ROOT, 'l10n', 'parts');
  const merged: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith(`.${locale}.json`)) Object.assign(merged, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>);
  }
  return merged;
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(',');

describe('zh-cn translations', () => {
  const zh = mergedParts('zh-cn');
  const all = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))];

  it('the scanner finds literal messages (self-check)', () => {
    const found = all.flatMap(literalMessages);
    assert.ok(found.length > 100, `only ${found.length} messages found`);
    assert.ok(found.includes('Kubernetes documentation'));
    assert.ok(found.includes('YAML syntax error: {0}'));
  });

  it('every l10n.t literal in server/src and client/src has a zh-cn translation', () => {
    const missing: string[] = [];
    for (const f of all) {
      for (const m of literalMessages(f)) if (!(m in zh)) missing.push(`${path.relative(ROOT, f)}: ${m}`);
    }
    assert.deepEqual([...new Set(missing)], [], `untranslated strings (add them to l10n/parts/<area>.zh-cn.json):\n${[...new Set(missing)].join('\n')}`);
  });

  it('translations keep the placeholders of their English key and are not empty', () => {
    const bad = Object.entries(zh).filter(([k, v]) => typeof v !== 'string' || v.trim() === '' || placeholders(k) !== placeholders(v)).map(([k]) => k);
    assert.deepEqual(bad, []);
  });

  it('every package.nls.json key has a zh-cn entry', () => {
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const cn = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(en).filter((k) => !(k in cn)), []);
  });
});

describe('hover in the editor\'s display language', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pod-lens-l10n-'));
  after(() => {
    l10n.config({ contents: {} });
    delete process.env['VSCODE_L10N_BUNDLE_LOCATION'];
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('setupL10n("zh-CN") loads bundle.l10n.zh-cn.json and hovers come out in Chinese', () => {
    fs.writeFileSync(path.join(tmp, 'bundle.l10n.zh-cn.json'), JSON.stringify(mergedParts('zh-cn')));
    process.env['VSCODE_L10N_BUNDLE_LOCATION'] = tmp;
    const english = md(caret(WEB, 'migrate'));
    assert.match(english, /Init container 3 of 4/);
    setupL10n('zh-CN');
    const chinese = md(caret(WEB, 'migrate'));
    assert.match(chinese, /Init 容器/);
    assert.doesNotMatch(chinese, /初始化容器/);
    assert.doesNotMatch(chinese, /Init container 3 of 4/);
    assert.match(chinese, /`migrate`/); // names stay as written
    // Numbers come from the same model in both languages.
    assert.match(chinese, /600m/);
    const probe = md(caret(WEB, 'readinessProbe', 1));
    assert.match(probe, /15 秒 – 30 秒/);
  });
});
