// Builds the shipped bundles: client (extension host), server (LSP), CLI, and the webview script.
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * server/src/protocol/requests.ts imports RequestType from the client's vscode-languageserver-protocol;
 * in the server bundle it resolves as vscode-languageserver's own import does, so the server does
 * not bundle a second copy of the protocol package.
 */
const serverProtocol = {
  name: 'server-protocol',
  setup(build) {
    const resolveDir = path.resolve('node_modules/vscode-languageserver');
    build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, (args) =>
      args.pluginData === 'server-protocol' ? undefined : build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: 'server-protocol' }));
  },
};

/**
 * @kubernetes/client-node (the cluster commands, issue 17) is its own bundle, dist/kube-client.js, loaded on
 * first use: inlined, it made dist/cli.js 16 MB and every `pod-lens check` pay ~0.25 s to parse it.
 */
const kubeClientSplit = {
  name: 'kube-client-split',
  setup(build) {
    build.onResolve({ filter: /^@kubernetes\/client-node$/ }, () => ({ path: './kube-client.js', external: true }));
  },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node18', plugins: [serverProtocol, kubeClientSplit] },
  { ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18', plugins: [kubeClientSplit] },
  // The bundle `await import('@kubernetes/client-node')` resolves to in dist/ (kubeClientSplit).
  { ...common, stdin: { contents: "export * from '@kubernetes/client-node';", resolveDir: '.', sourcefile: 'kube-client.js', loader: 'js' }, outfile: 'dist/kube-client.js', platform: 'node', format: 'cjs', target: 'node18' },
  { ...common, entryPoints: ['client/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

// Runtime translations: each feature keeps its own l10n/parts/<area>.<locale>.json; they are merged
// into the bundles VS Code and @vscode/l10n load (l10n/bundle.l10n.<locale>.json).
{
  const fs = await import('node:fs');
  const merged = {};
  for (const f of fs.existsSync('l10n/parts') ? fs.readdirSync('l10n/parts').sort() : []) {
    const m = /^[\w-]+\.([\w-]+)\.json$/.exec(f);
    if (!m) continue;
    merged[m[1]] = { ...(merged[m[1]] ?? {}), ...JSON.parse(fs.readFileSync(`l10n/parts/${f}`, 'utf8')) };
  }
  for (const [locale, strings] of Object.entries(merged)) {
    fs.writeFileSync(`l10n/bundle.l10n.${locale}.json`, JSON.stringify(strings, null, 2) + '\n');
  }
}

const present = [];
for (const b of builds) {
  const fs = await import('node:fs');
  if (b.stdin || fs.existsSync(b.entryPoints[0])) present.push(b);
}

if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
