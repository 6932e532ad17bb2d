/** Reading packaged subcharts (.tgz) for the mapping: real archives from helm, and hostile ones. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readPackagedChart, MAX_PACKAGED_BYTES } from '../../../server/src/node/render/packagedChart';
import { readChart } from '../../../server/src/node/render/helm';
import { renderHelmChart } from '../../../server/src/node/render/renderProject';
import { ROOT, tools } from './tools';

const ARCHIVE = path.join(ROOT, 'test/fixtures/helm-realistic/storefront/charts/keyvalue-3.1.4.tgz');

/** A tar entry as Go's archive/tar or GNU tar writes it (ustar header, octal size, 512-byte blocks). */
function entry(name: string, body: string, type = '0'): Buffer {
  const data = Buffer.from(body, 'utf8');
  const header = Buffer.alloc(512);
  header.write(name.slice(0, 100), 0, 'utf8');
  header.write('0000644\0', 100);
  header.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
  header.write(type, 156);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write('00000000000\0', 136);
  header.write('ustar\0', 257);
  header.write('00', 263);
  // The checksum: the header's bytes summed with the checksum field read as spaces (Go's archive/tar checks it).
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const b of header) sum += b;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return Buffer.concat([header, padded]);
}

function tgz(...entries: Buffer[]): Buffer {
  return zlib.gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)]));
}

describe('packaged subcharts', () => {
  it('reads the files of an archive made by helm package', () => {
    const files = readPackagedChart(fs.readFileSync(ARCHIVE))!;
    assert.deepEqual(files.map((f) => f.path).sort(), ['keyvalue/Chart.yaml', 'keyvalue/templates/_names.tpl', 'keyvalue/templates/statefulset.yaml', 'keyvalue/values.yaml']);
    assert.match(files.find((f) => f.path === 'keyvalue/values.yaml')!.text, /tag: latest/);
  });

  it('keys the archive under charts/<name>/ and lists it as packaged', () => {
    const chart = readChart({ helm: 'helm', chart: path.join(ROOT, 'test/fixtures/helm-realistic/storefront'), valuesFiles: [], set: [], release: 'demo' });
    assert.equal(chart.packaged?.get('charts/keyvalue/'), 'charts/keyvalue-3.1.4.tgz');
    assert.ok(chart.files.has('charts/keyvalue/templates/statefulset.yaml'));
    assert.ok(chart.files.has('charts/keyvalue/values.yaml'));
  });

  it('takes long names from PAX and GNU records', () => {
    const long = `c/templates/${'x'.repeat(120)}.yaml`;
    const pax = `${long.length + 7 + String(long.length + 7).length} path=${long}\n`;
    const files = readPackagedChart(tgz(entry('PaxHeaders/x', pax, 'x'), entry('short', 'a: 1'), entry('././@LongLink', long + 'g', 'L'), entry('short2', 'b: 2')))!;
    assert.deepEqual(files.map((f) => f.path), [long, long + 'g']);
  });

  it('refuses hostile archives without throwing', () => {
    assert.equal(readPackagedChart(Buffer.from('not gzip at all')), undefined);
    // Paths that climb out or are absolute are skipped; directories and links are not files.
    const files = readPackagedChart(tgz(entry('../evil.yaml', 'x: 1'), entry('/etc/passwd', 'x'), entry('c/link', '', '2'), entry('c/values.yaml', 'ok: true')))!;
    assert.deepEqual(files.map((f) => f.path), ['c/values.yaml']);
    // A gzip bomb stops at the cap.
    const bomb = zlib.gzipSync(Buffer.alloc(MAX_PACKAGED_BYTES + 1024));
    assert.equal(readPackagedChart(bomb), undefined);
    // A truncated archive yields what was complete.
    const whole = Buffer.concat([entry('c/values.yaml', 'ok: true'), entry('c/Chart.yaml', 'name: c'.repeat(200))]);
    const cut = readPackagedChart(zlib.gzipSync(whole.subarray(0, 512 + 512 + 512 + 100)))!;
    assert.deepEqual(cut.map((f) => f.path), ['c/values.yaml']);
  });
});

describe('a render failure inside a packaged subchart', () => {
  it('lands on the dependency in the parent Chart.yaml, naming the archive and helm\'s line', async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(require('node:os').tmpdir()), 'pod-lens-packaged-'));
    const chart = path.join(dir, 'storefront');
    fs.cpSync(path.join(ROOT, 'test/fixtures/helm-realistic/storefront'), chart, { recursive: true });
    fs.writeFileSync(path.join(chart, 'charts/keyvalue-3.1.4.tgz'), tgz(
      entry('keyvalue/Chart.yaml', 'apiVersion: v2\nname: keyvalue\nversion: 3.1.4\n'),
      entry('keyvalue/values.yaml', 'replicas: 1\n'),
      entry('keyvalue/templates/statefulset.yaml', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }\n'),
    ));
    try {
      const outcome = await renderHelmChart({ helm: tools().helm, chart, valuesFiles: [], set: [], release: 'demo' });
      assert.ok(!outcome.ok && outcome.kind === 'failed', JSON.stringify(outcome));
      assert.equal(outcome.failure.file, path.join(chart, 'Chart.yaml'));
      const lines = fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8').split('\n');
      assert.equal(lines[outcome.failure.line!], '  - name: keyvalue');
      assert.match(outcome.failure.message, /^charts\/keyvalue-3\.1\.4\.tgz: templates\/statefulset\.yaml:4: /);
      assert.ok(![...outcome.sources.keys()].some((f) => f.includes('charts/keyvalue/')), 'no file inside the archive is listed as a source');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
