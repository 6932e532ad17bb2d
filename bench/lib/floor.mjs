// The FLOOR: the least any YAML-aware server must do on open or on an edit, i.e. parse the whole
// text with the `yaml` package (the server's own parser and version) with positions kept, exactly
// with the options server/src/model/parse.ts passes. Run as a child process so that the first parse
// is cold (like a server's first file) and the later ones warm:
//   node floor.mjs <file> <runs>  ->  prints "first" after the first parse, then one JSON line.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(path.resolve(import.meta.dirname, '../../package.json'));
const { parseAllDocuments } = require('yaml');
const OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, prettyErrors: false, strict: false };

const [file, runsArg] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const runs = [];
let sink = 0;
for (let i = 0; i < Number(runsArg ?? 7); i++) {
  const t0 = performance.now();
  const docs = parseAllDocuments(text, OPTIONS);
  // keep positions live: touch every document's range so nothing is optimised away
  for (const d of docs) sink += d.range?.[1] ?? 0;
  runs.push(performance.now() - t0);
  if (i === 0) process.stdout.write('first\n');
}
process.stdout.write(JSON.stringify({ runs, sink }) + '\n');
