/** Loads the server's message bundle for the editor's display language (l10n/bundle.l10n.<locale>.json). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

/** The l10n folder ships next to dist/ (bundles) and at the repo root (sources). */
function l10nDir(): string {
  const candidates = [path.join(__dirname, '..', 'l10n'), path.join(__dirname, '..', '..', '..', 'l10n')];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]!;
}

export function setupL10n(locale: string | undefined): void {
  const dir = process.env['VSCODE_L10N_BUNDLE_LOCATION'] ?? l10nDir();
  const lc = (locale ?? '').toLowerCase();
  if (!lc || lc.startsWith('en')) return;
  for (const name of [`bundle.l10n.${lc}.json`, `bundle.l10n.${lc.split('-')[0]}.json`]) {
    const file = path.join(dir, name);
    try {
      if (fs.existsSync(file)) {
        l10n.config({ contents: JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string> });
        return;
      }
    } catch {
      // A broken bundle falls back to English.
    }
  }
}
