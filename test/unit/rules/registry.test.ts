/**
 * The rule registry keeps its promises: every rule is one file named after its code, in a topic
 * folder, and has a doc page, zh-cn strings, a spec that triggers it through the real service and,
 * when it has quick fixes, a spec for which the service offers one. Adding a rule without these
 * fails here, with the rule's code in the message.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NON_RULE_CODES, RULES, ruleMetadata } from '../../../server/src/analysis/rules/index';
import type { Rule } from '../../../server/src/analysis/rules/rule';
import { analyzeYaml } from '../helpers';
import { REJECTED, VALID, VERSIONED } from './corpusCases';
import { TRIGGERS } from './triggers';
import type { TriggerCase } from './triggers';

const ROOT = path.resolve(__dirname, '../../../..');
const SOURCE = path.join(ROOT, 'server/src/analysis/rules');
const COMPILED = path.join(ROOT, 'out/server/src/analysis/rules');
/** Helper modules rules import; everything else below rules/<topic>/ is a rule. */
const SHARED = 'shared';

const camelCase = (code: string) => code.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function isRule(v: unknown): v is Rule {
  return typeof v === 'object' && v !== null && typeof (v as Rule).code === 'string' && typeof (v as Rule).check === 'function';
}

/** Every rule file: `<topic>/<name>.ts` with the rules its compiled module exports. */
function ruleFiles(): { file: string; rules: Rule[] }[] {
  return fs.readdirSync(SOURCE, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== SHARED)
    .flatMap((d) => fs.readdirSync(path.join(SOURCE, d.name)).filter((f) => f.endsWith('.ts')).map((f) => `${d.name}/${f}`))
    .map((file) => {
      const mod = require(path.join(COMPILED, file.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
      return { file, rules: Object.values(mod).filter(isRule) };
    });
}

/** Literal `l10n.t('...')` messages of a source file (single-quoted, as the rules write them). */
function literals(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

function mergedZhCn(): Record<string, string> {
  const dir = path.join(ROOT, 'l10n/parts');
  const merged: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.zh-cn.json')) Object.assign(merged, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>);
  }
  return merged;
}

/** Every spec that is expected to trigger `code`: the corpus cases and the trigger table. */
function casesFor(code: string): TriggerCase[] {
  return [
    ...REJECTED.filter((c) => c.code === code),
    ...VERSIONED.filter((c) => c.code === code || (c.also ?? []).includes(code)),
    ...VALID.filter((c) => (c.warnings ?? []).includes(code)),
    ...(TRIGGERS[code] ? [TRIGGERS[code]] : []),
  ];
}

describe('rule registry', () => {
  it('has no two rules with the same code', () => {
    const codes = RULES.map((r) => r.code);
    assert.deepEqual(codes.filter((c, i) => codes.indexOf(c) !== i), []);
    assert.deepEqual(NON_RULE_CODES.filter((n) => codes.includes(n.code)), []);
  });

  it('has one rule per file, named after its code, and registers every one of them', () => {
    const files = ruleFiles();
    for (const { file, rules } of files) {
      assert.equal(rules.length, 1, `${file} should export exactly one rule, exports ${rules.map((r) => r.code).join(', ') || 'none'}`);
      const rule = rules[0]!;
      assert.equal(path.basename(file), `${camelCase(rule.code)}.ts`, `${rule.code} belongs in a file named ${camelCase(rule.code)}.ts`);
      assert.ok(RULES.includes(rule), `${file}: ${rule.code} is not registered in rules/index.ts`);
    }
    assert.equal(files.length, RULES.length, 'every registered rule comes from its own file under rules/<topic>/');
    const shared = fs.readdirSync(path.join(SOURCE, SHARED)).filter((f) => f.endsWith('.ts'));
    for (const f of shared) {
      const mod = require(path.join(COMPILED, SHARED, f.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
      assert.deepEqual(Object.values(mod).filter(isRule).map((r) => r.code), [], `shared/${f} holds helpers, not rules`);
    }
  });

  it('gives every rule a Kubernetes link and a one-line summary (its own or its doc page\'s)', () => {
    for (const r of RULES) {
      assert.ok(r.docUrl?.startsWith('https://kubernetes.io/docs/'), `${r.code}: docUrl`);
      if (r.summary) assert.ok(!r.summary().includes('\n') && r.summary().length > 0, `${r.code}: summary is one line`);
      else assert.match(fs.readFileSync(path.join(ROOT, 'docs/rules', `${r.code}.md`), 'utf8'), /^## What\s*\n+\S|\*\*What\.\*\*\s*\S/m, `${r.code}: no summary and no "What" in its doc page`);
    }
  });

  it('has a doc page for every code it can report, and no doc page without a code', () => {
    const codes = ruleMetadata().map((m) => m.code).sort();
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(codes.filter((c) => !pages.includes(c)), [], 'codes without docs/rules/<code>.md');
    assert.deepEqual(pages.filter((p) => !codes.includes(p)), [], 'doc pages without a code');
  });

  it('has a zh-cn translation for every rule\'s summary and messages, and for the fixes they share', () => {
    const zh = mergedZhCn();
    const missing: string[] = [];
    for (const r of RULES) if (r.summary && !(r.summary() in zh)) missing.push(`${r.code} summary: ${r.summary()}`);
    const fixDir = path.join(ROOT, 'server/src/analysis/fixes');
    const files = [
      ...ruleFiles().map(({ file }) => path.join(SOURCE, file)),
      ...fs.readdirSync(path.join(SOURCE, SHARED)).map((f) => path.join(SOURCE, SHARED, f)),
      ...fs.readdirSync(fixDir).map((f) => path.join(fixDir, f)),
    ];
    let n = 0;
    for (const f of files) {
      for (const m of literals(f)) {
        n++;
        if (!(m in zh)) missing.push(`${path.relative(ROOT, f)}: ${m}`);
      }
    }
    assert.deepEqual(missing, [], 'add these to l10n/parts/rules.zh-cn.json');
    assert.ok(n > 100, `only ${n} messages found (scanner self-check)`);
  });

  it('has a spec that triggers every rule (the corpus or triggers.ts)', () => {
    assert.deepEqual(RULES.filter((r) => casesFor(r.code).length === 0).map((r) => r.code), [], 'rules no test triggers');
    assert.deepEqual(Object.keys(TRIGGERS).filter((code) => !RULES.some((r) => r.code === code)), [], 'triggers for unknown codes');
  });

  for (const [code, c] of Object.entries(TRIGGERS)) {
    it(`triggers ${code}`, () => {
      const found = analyzeYaml(c.text, c.version ? { kubernetesVersion: c.version } : {}).diagnostics.map((d) => d.code);
      assert.ok(found.includes(code), `expected ${code}, got ${JSON.stringify(found)}`);
    });
  }

  for (const rule of RULES.filter((r) => r.fixes)) {
    it(`offers a quick fix for ${rule.code}`, () => {
      const titles: string[] = [];
      for (const c of casesFor(rule.code)) {
        const settings = c.version ? { kubernetesVersion: c.version } : {};
        const r = analyzeYaml(c.text, settings);
        for (const d of r.diagnostics.filter((x) => x.code === rule.code)) {
          for (const a of r.service.codeActions(r.doc, settings, d.range, [d])) {
            if (!a.title.startsWith('Disable ')) titles.push(a.title);
          }
        }
      }
      assert.ok(titles.length > 0, `no spec that triggers ${rule.code} gets a quick fix; add one to corpusCases.ts or triggers.ts`);
    });
  }
});
