import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';

/**
 * The operator's persona and settings for the cockpit (REPL and browser): `OPERATOR.md` (prepended
 * verbatim to the cockpit prompt) and `settings.toml`, in `BSS_COCKPIT_DIR` (default
 * `<BSS_HOME>/cockpit`). Missing files are written from the defaults below on first access; an
 * edited file is picked up on the next read (mtime); an invalid `settings.toml` keeps the last good
 * settings and says why, so a typo never takes the cockpit down. No secrets belong here.
 */
const SettingsSchema = z
  .object({
    llm: z.object({ model: z.string().min(1).optional(), temperature: z.number().min(0).max(2).default(0.2) }).strict().default({ temperature: 0.2 }),
    cockpit: z.object({ allow_destructive_default: z.boolean().default(false) }).strict().default({ allow_destructive_default: false }),
    ports: z.object({ csr_portal: z.number().int().min(1).max(65535).default(9002) }).strict().default({ csr_portal: 9002 }),
  })
  .strict();

export type CockpitSettingsValues = z.infer<typeof SettingsSchema>;

export const DEFAULT_OPERATOR_MD = `# Operator

You assist the operations team of a prepaid eSIM mobile operator. Be brief and exact; ids verbatim.
`;

export const DEFAULT_SETTINGS_TOML = `# The operator cockpit's settings (bss REPL and :9002). Edited files are re-read on the next turn;
# an invalid file keeps the last good settings. No secrets here (tokens live in the environment).

[llm]
# model = "shown in the banner; the provider comes from BSS_LLM_PROVIDER / BSS_LLM_MODEL"
temperature = 0.2

[cockpit]
allow_destructive_default = false

[ports]
csr_portal = 9002
`;

interface Cached<T> {
  mtimeMs: number;
  value: T;
}

export class CockpitSettings {
  private settings: Cached<CockpitSettingsValues> | undefined;
  private persona: Cached<string> | undefined;
  /** Why the last read of settings.toml was refused (the previous settings stay in force). */
  lastError: string | undefined;

  constructor(readonly dir: string) {}

  get settingsPath(): string {
    return join(this.dir, 'settings.toml');
  }

  get operatorPath(): string {
    return join(this.dir, 'OPERATOR.md');
  }

  /** The settings in force: re-read when the file changed; invalid → the previous ones. */
  values(): CockpitSettingsValues {
    const mtimeMs = this.ensure(this.settingsPath, DEFAULT_SETTINGS_TOML);
    if (this.settings?.mtimeMs === mtimeMs) return this.settings.value;
    const parsed = parseSettings(readFileSync(this.settingsPath, 'utf8'));
    if (parsed.ok) {
      this.settings = { mtimeMs, value: parsed.value };
      this.lastError = undefined;
    } else {
      this.lastError = `${this.settingsPath}: ${parsed.error} — keeping the previous settings`;
      // Remember the bad mtime too, so one bad edit is reported once, not re-parsed every turn.
      this.settings = { mtimeMs, value: this.settings?.value ?? SettingsSchema.parse({}) };
    }
    return this.settings.value;
  }

  /** OPERATOR.md, verbatim (trimmed), re-read when it changed. */
  operatorPersona(): string {
    const mtimeMs = this.ensure(this.operatorPath, DEFAULT_OPERATOR_MD);
    if (this.persona?.mtimeMs !== mtimeMs) this.persona = { mtimeMs, value: readFileSync(this.operatorPath, 'utf8').trim() };
    return this.persona.value;
  }

  private ensure(path: string, defaults: string): number {
    if (!existsSync(path)) {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(path, defaults);
    }
    return statSync(path).mtimeMs;
  }
}

/** Validates a settings.toml text; writers call it before saving. */
export function parseSettings(text: string): { ok: true; value: CockpitSettingsValues } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0] ?? 'not TOML' };
  }
  const result = SettingsSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ') };
}
