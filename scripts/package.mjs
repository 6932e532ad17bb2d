// `npm run package`: production bundles, then `vsce package` -> pod-lens-<version>.vsix (offline).
// What goes into the .vsix is the allowlist in .vscodeignore (test/unit/package.test.ts checks it).
//   node scripts/package.mjs [--no-build] [--out file.vsix]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(ROOT, outIndex >= 0 ? args[outIndex + 1] : `${manifest.name}-${manifest.version}.vsix`);

if (!args.includes('--no-build')) {
  // Source maps of a previous development build would otherwise sit next to the minified bundles.
  for (const f of existsSync(join(ROOT, 'dist')) ? readdirSync(join(ROOT, 'dist')) : []) {
    if (f.endsWith('.map')) rmSync(join(ROOT, 'dist', f));
  }
  execFileSync('npm', ['run', '--silent', 'build:prod'], { cwd: ROOT, stdio: 'inherit' });
}

// vsce rewrites the README's relative links (docs/*.md, docs/images/*.png) to absolute ones. It
// derives them from a GitHub/GitLab `repository`; for any other host it stops with "Couldn't
// detect the repository", so give it the bases explicitly.
const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url ?? '';
const linkArgs = [];
if (!/github(\.com\/|:)|gitlab(\.com\/|:)/.test(repo)) {
  const base = repo.replace(/\.git$/, '').replace(/\/$/, '');
  linkArgs.push('--baseContentUrl', `${base}/blob/HEAD`, '--baseImagesUrl', `${base}/raw/HEAD`);
}

const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
// --no-dependencies: the bundles are self-contained, so vsce must neither run `npm ls` nor ship node_modules.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', ...linkArgs, '--out', out], { cwd: ROOT, stdio: 'inherit' });
console.log(`package: ${out}`);
