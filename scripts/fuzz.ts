/**
 * `npm run fuzz`: the property suite of test/unit/robustness/properties.ts for many more runs, plus
 * random byte mutations of the example and fixture files through the service and the CLI.
 *   FUZZ_RUNS (default 5000), FUZZ_SEED (default: random, printed), FUZZ_PATH (replay a failure),
 *   FUZZ_TIME_LIMIT_MS (per property, default 600000).
 * Exit code 1 on the first failing property, with fast-check's `{ seed, path }` to replay it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { run } from '../server/src/cli/main';
import { decode } from '../server/src/cli/files';
import { createPodService } from '../server/src/service/index';
import { byteMutation, mutateBytes } from '../test/unit/robustness/arbitraries';
import { exercise, modelFaults } from '../test/unit/robustness/exercise';
import { fuzzParams, properties } from '../test/unit/robustness/properties';
import type { NamedProperty } from '../test/unit/robustness/properties';
import { SAMPLES } from '../test/unit/robustness/samples';

const ROOT = path.resolve(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.(ya?ml|json)$/i.test(e.name) ? [p] : [];
  });
}

function corpus(): { name: string; bytes: Buffer }[] {
  const files: { name: string; bytes: Buffer }[] = ['examples', 'test/fixtures'].flatMap((d) => yamlFiles(path.join(ROOT, d)))
    .map((f) => ({ name: path.relative(ROOT, f), bytes: fs.readFileSync(f) }));
  // The small hostile samples are good seeds for mutation too.
  for (const s of SAMPLES) if (!s.large) files.push({ name: `sample: ${s.name}`, bytes: s.bytes?.() ?? Buffer.from(s.text(), 'utf8') });
  return files;
}

function byteProperty(): NamedProperty {
  const files = corpus();
  const service = createPodService({ log: (m) => faults.push(m) });
  const faults: string[] = [];
  let n = 0;
  return {
    name: `byte mutations of ${files.length} example/fixture/sample files: service and CLI stay total`,
    property: fc.property(fc.nat({ max: files.length - 1 }), fc.array(byteMutation, { minLength: 1, maxLength: 24 }), (i, ms) => {
      let bytes = files[i]!.bytes;
      for (const m of ms) bytes = mutateBytes(bytes, m);
      const text = decode(bytes);
      const doc = { uri: `fuzz:///bytes-${n++}.yaml`, version: 1, text };
      exercise(service, doc, {}, { positions: true });
      service.close(doc.uri);
      const err: string[] = [];
      const code = run(['check', '--format', 'json', '-'], { out: (s) => JSON.parse(s), err: (s) => err.push(s), stdin: () => text });
      if (code !== 0 && code !== 1) throw new Error(`CLI exit ${code}: ${err.join('\n')}`);
      const all = [...faults.splice(0), ...err.filter((e) => e.includes('analysis fault'))];
      if (all.length) throw new Error(`faults (${files[i]!.name}):\n${all.map((f) => f.split('\n').slice(0, 4).join('\n')).join('\n')}${modelFaults(all).length ? '\n(model/service layer)' : ''}`);
    }) as unknown as fc.IProperty<never>,
  };
}

function main(): number {
  const seed = process.env['FUZZ_SEED'] ? undefined : (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0;
  // A property stops starting new runs after FUZZ_TIME_LIMIT_MS (default 10 min), reported as interrupted.
  const limit = Number(process.env['FUZZ_TIME_LIMIT_MS'] ?? 600_000);
  const params = { ...fuzzParams(5000, seed), interruptAfterTimeLimit: limit };
  process.stdout.write(`pod-lens fuzz: ${params.numRuns} runs per property, seed ${params.seed ?? '(random)'}${params.path ? `, path ${params.path}` : ''}\n`);
  let failed = 0;
  for (const { name, property } of [...properties(), byteProperty()]) {
    const started = Date.now();
    const result = fc.check(property, params);
    if (result.failed) {
      failed++;
      process.stdout.write(`FAIL ${name}\n${fc.defaultReportMessage(result) ?? ''}\nreplay: FUZZ_SEED=${result.seed} FUZZ_PATH=${result.counterexamplePath ?? ''} FUZZ_RUNS=${params.numRuns} npm run fuzz\n`);
    } else {
      process.stdout.write(`${result.interrupted ? 'ok (interrupted by FUZZ_TIME_LIMIT_MS)' : 'ok'}   ${name} (${result.numRuns} runs, ${Date.now() - started} ms)\n`);
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
