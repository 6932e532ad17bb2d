// The scenario registry is the one definition the CLI, the README, the preview and the simulator
// share: these tests fail when a scenario is added without its README entry or zh-cn label, or when
// the texts derived from it drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeScenario, parseScenario, SCENARIO_KINDS, SCENARIO_SYNTAX, SCENARIOS, validateScenario } from '../../../server/src/analysis/lifecycle/scenarios/index';
import { USAGE } from '../../../server/src/cli/args';
import { previewStrings } from '../../../client/src/preview/strings';
import { podYaml, sim } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');

function zhCn(): Record<string, string> {
  const dir = path.join(ROOT, 'l10n/parts');
  return Object.assign({}, ...fs.readdirSync(dir).filter((f) => f.endsWith('.zh-cn.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

const POD = podYaml(`
  containers:
    - name: app
      image: x:1
      livenessProbe: { httpGet: { path: /healthz, port: 8080 } }
`);

describe('scenario registry', () => {
  it('has one definition per kind, in the picker order', () => {
    assert.equal(new Set(SCENARIO_KINDS).size, SCENARIOS.length);
    assert.deepEqual(SCENARIO_KINDS, ['happy', 'exit', 'probeFailure', 'delete', 'nodeUnreachable', 'memoryPressure']);
  });

  it('README lists every scenario\'s CLI example, in registry order', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const listed = /pod-lens\.js simulate .*\[--scenario ([^\]\s]+)\]/.exec(readme)?.[1];
    assert.equal(listed, SCENARIOS.map((d) => d.cli.example).join('|'));
  });

  it('the CLI usage shows every scenario\'s syntax', () => {
    assert.ok(USAGE.includes(`[--scenario ${SCENARIO_SYNTAX.join('|')}]`));
  });

  it('every scenario has a zh-cn picker label', () => {
    const zh = zhCn();
    const english = { t: (m: string) => m };
    for (const d of SCENARIOS) assert.ok(zh[d.label(english)], `no zh-cn translation for "${d.label(english)}" (${d.kind})`);
    const strings = previewStrings({ t: (m) => `<${m}>` }) as Record<string, string>;
    for (const d of SCENARIOS) assert.equal(strings[`scenario.${d.kind}`], `<${d.label(english)}>`);
  });

  it('each CLI example parses to its kind, survives both JSON readers, and is simulated as that scenario', () => {
    for (const d of SCENARIOS) {
      const scenario = parseScenario(d.cli.example);
      assert.equal(scenario?.kind, d.kind, d.cli.example);
      assert.deepEqual(normalizeScenario(JSON.parse(JSON.stringify(scenario))), scenario);
      assert.deepEqual(validateScenario(JSON.parse(JSON.stringify(scenario))), scenario);
      const t = sim(POD, scenario);
      assert.deepEqual(t.scenario, scenario);
      if (d.timed) assert.ok(t.horizon >= (scenario as { at: number }).at, d.kind);
    }
  });
});
