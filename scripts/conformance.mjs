// `npm run conformance`: bundles scripts/conformance/main.ts (esbuild, as the product bundles) and runs it
// with this process's arguments. See scripts/conformance/main.ts for the options.
import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = 'out/conformance/main.cjs';
await esbuild.build({ entryPoints: ['scripts/conformance/main.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
