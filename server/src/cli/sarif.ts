/**
 * `check --format sarif`: SARIF 2.1.0 (OASIS), the format code-scanning services ingest.
 * One run, tool.driver `pod-lens` with every rule Pod Lens can report (id, descriptions, help,
 * default level), one result per diagnostic with a 1-based region (columns in UTF-16 code units,
 * as LSP positions are; end column exclusive).
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import { kubernetesDocUrl } from '../analysis/docLinks';
import type { Severity } from '../analysis/finding';
import { ruleMetadata } from '../analysis/rules/index';
import type { RuleMetadata } from '../analysis/rules/index';
import { RULE_DOCS_BASE, ruleDocHref } from '../service/diagnostics';
import type { CliOptions } from './args';
import type { CheckedFile } from './check';
import type { CliIO } from './commands';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = RULE_DOCS_BASE.replace(/\/blob\/.*$/, '');

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

export function sarifFormats(): string[] {
  return ['sarif'];
}

/** docs/rules next to the bundle (dist/../docs) or the sources (out/server/src/cli/../../../../docs). */
function findDocsDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'rules');
    try { if (fs.statSync(candidate).isDirectory()) return candidate; } catch { /* keep looking */ }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function readDoc(dir: string | undefined, code: string): string | undefined {
  if (!dir || !/^[a-z0-9-]+$/.test(code)) return undefined;
  try { return fs.readFileSync(path.join(dir, `${code}.md`), 'utf8'); } catch { return undefined; }
}

/** The first paragraph under `## What` (or after `**What.**`), as plain text. */
function whatParagraph(md: string | undefined): string | undefined {
  if (!md) return undefined;
  const section = /^## What\s*\n+([\s\S]*?)(\n\s*\n|\n##|$)/m.exec(md);
  const inline = /\*\*What\.\*\*\s*([\s\S]*?)(\*\*Why|\n\s*\n|$)/.exec(md);
  const text = (section?.[1] ?? inline?.[1])?.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: SarifLevel };
  properties?: { kubernetesDocs: string };
}

/**
 * One rule's SARIF entry. The rule pages (docs/rules/*.md) are English: in another language the help is
 * the localized summary and links instead, so that nothing in the log switches language.
 */
export function sarifRule(meta: RuleMetadata, docsDir: string | undefined, english = true): SarifRule {
  const md = english ? readDoc(docsDir, meta.code) : undefined;
  const what = whatParagraph(md);
  const short = meta.summary !== words(meta.code) ? meta.summary : what ?? meta.summary;
  const helpUri = ruleDocHref(meta.code);
  const docUrl = meta.docUrl ? kubernetesDocUrl(meta.docUrl) : undefined;
  const full = docUrl ? l10n.t('{0} Kubernetes documentation: {1}', short, docUrl) : short;
  const fallback = `${short}\n\n${l10n.t('Documentation: {0}', helpUri)}${docUrl ? `\n${l10n.t('Kubernetes documentation: {0}', docUrl)}` : ''}`;
  return {
    id: meta.code,
    shortDescription: { text: short },
    fullDescription: { text: full },
    helpUri,
    help: { text: md ? `${short}\n\n${helpUri}` : fallback, markdown: md ?? fallback.replace(/(https?:\/\/\S+)/g, '<$1>') },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    ...(docUrl ? { properties: { kubernetesDocs: docUrl } } : {}),
  };
}

function words(code: string): string {
  return code.charAt(0).toUpperCase() + code.slice(1).replace(/-/g, ' ');
}

/** A file name as a SARIF artifact URI: relative paths stay relative (forward slashes). */
export function artifactUri(file: string): string {
  if (file === '-') return 'stdin';
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
}

/** `english`: whether the log is in English (the CLI's --locale), which decides whether the English rule pages are the help. */
export function sarifLog(files: readonly CheckedFile[], english = true): object {
  const docsDir = findDocsDir();
  const metas = ruleMetadata();
  const known = new Set(metas.map((m) => m.code));
  // Codes seen in results but unknown to the registry still get a rule entry (SARIF wants one per ruleIndex).
  for (const f of files) for (const d of f.diagnostics) {
    if (!known.has(d.code)) { known.add(d.code); metas.push({ code: d.code, severity: d.severity, docUrl: undefined, summary: words(d.code) }); }
  }
  const rules = metas.map((m) => sarifRule(m, docsDir, english));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = files.flatMap((f) => f.diagnostics.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code)!,
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(f.file) },
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
      },
    }],
  })));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'pod-lens', informationUri: INFORMATION_URI, version: '0.1.0', rules } },
      columnKind: 'utf16CodeUnits',
      artifacts: files.map((f) => ({ location: { uri: artifactUri(f.file) } })),
      results,
    }],
  };
}

export function runSarif(opts: CliOptions, files: readonly CheckedFile[], io: CliIO): number | undefined {
  const locale = (opts.locale ?? '').toLowerCase();
  io.out(JSON.stringify(sarifLog(files, locale === '' || locale.startsWith('en')), null, 2));
  return 0;
}
