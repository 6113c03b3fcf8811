import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cockpitPrompt } from '#conversation/turn/session-turn.service';
import type { SessionView } from './session.views';
import { CockpitSettings, DEFAULT_OPERATOR_MD, DEFAULT_SETTINGS_TOML, parseSettings } from './cockpit-settings';

const session: SessionView = {
  id: 'SES-20261205-0a1b2c3d',
  actor: 'ops-ada',
  label: null,
  customerFocus: null,
  subscriptionFocus: null,
  allowDestructive: false,
  state: 'active',
  startedAt: '2026-12-05T10:00:00.000Z',
  lastActiveAt: '2026-12-05T10:00:00.000Z',
  closedAt: null,
};

/** Writes a file with an mtime one minute later than before, so a reload never depends on timer resolution. */
function edit(path: string, text: string, minute: number): void {
  writeFileSync(path, text);
  const at = new Date(Date.UTC(2026, 11, 5, 10, minute));
  utimesSync(path, at, at);
}

describe('CockpitSettings (behaviour 24)', () => {
  let settings: CockpitSettings;
  beforeEach(() => {
    settings = new CockpitSettings(join(mkdtempSync(join(tmpdir(), 'bss-cockpit-')), 'cockpit'));
  });

  it('bootstraps missing files with the defaults on first access', () => {
    expect(settings.values()).toEqual({ llm: { temperature: 0.2 }, cockpit: { allow_destructive_default: false }, ports: { csr_portal: 9002 } });
    expect(readFileSync(settings.settingsPath, 'utf8')).toBe(DEFAULT_SETTINGS_TOML);
    expect(settings.operatorPersona()).toBe(DEFAULT_OPERATOR_MD.trim());
  });

  it('an invalid settings.toml keeps the previous settings and says why; a fixed one applies', () => {
    settings.values();
    edit(settings.settingsPath, '[llm]\nmodel = "gemma-4"\n', 1);
    expect(settings.values().llm.model).toBe('gemma-4');
    edit(settings.settingsPath, '[llm\nmodel = ', 2);
    expect(settings.values().llm.model).toBe('gemma-4');
    expect(settings.lastError).toContain('keeping the previous settings');
    edit(settings.settingsPath, '[llm]\ntemperature = 7\n', 3);
    expect(settings.values().llm.model).toBe('gemma-4');
    expect(settings.lastError).toMatch(/llm\.temperature/);
    edit(settings.settingsPath, '[llm]\nmodel = "deepseek"\n', 4);
    expect(settings.values().llm.model).toBe('deepseek');
    expect(settings.lastError).toBeUndefined();
  });

  it('unknown keys are refused, so a misspelt setting is not silently ignored', () => {
    expect(parseSettings('[cockpit]\nallow_destructive = true\n')).toMatchObject({ ok: false });
  });

  it('an edited OPERATOR.md is re-read and opens the cockpit prompt (behaviour 25)', () => {
    settings.operatorPersona();
    edit(settings.operatorPath, '# Night shift\nEscalate port-outs to the carrier desk.\n', 5);
    const prompt = cockpitPrompt(session, settings.operatorPersona());
    expect(prompt.startsWith('# Night shift\nEscalate port-outs to the carrier desk.')).toBe(true);
    expect(prompt.indexOf('Escalate port-outs')).toBeLessThan(prompt.indexOf('/confirm'));
  });
});
