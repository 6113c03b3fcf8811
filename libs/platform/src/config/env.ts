import { ConfigInvalid } from '#platform/platform.errors';

/** Typed access to environment variables; every variable the system reads is listed in the README. */
export function envString(name: string, fallback: string): string;
export function envString(name: string): string | undefined;
export function envString(name: string, fallback?: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new ConfigInvalid(`${name} must be an integer, got "${raw}"`, { name });
  return value;
}

export function envNumber(name: string, fallback: number): number {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ConfigInvalid(`${name} must be a number, got "${raw}"`, { name });
  return value;
}

export function envBool(name: string, fallback: boolean): boolean {
  const raw = envString(name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigInvalid(`${name} must be true or false, got "${raw}"`, { name });
}
