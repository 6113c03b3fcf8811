import { isActiveAt, parseWindow } from './validity-window';

const at = (iso: string) => new Date(iso);

describe('isActiveAt', () => {
  const window = { validFrom: at('2026-01-01T00:00:00Z'), validTo: at('2026-02-01T00:00:00Z') };

  it('includes the start instant', () => {
    expect(isActiveAt(window, at('2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('excludes the end instant (end exclusive)', () => {
    expect(isActiveAt(window, at('2026-02-01T00:00:00Z'))).toBe(false);
    expect(isActiveAt(window, at('2026-01-31T23:59:59.999Z'))).toBe(true);
  });

  it('is inactive before the start', () => {
    expect(isActiveAt(window, at('2025-12-31T23:59:59.999Z'))).toBe(false);
  });

  it('treats null bounds as open', () => {
    expect(isActiveAt({ validFrom: null, validTo: null }, at('1990-01-01T00:00:00Z'))).toBe(true);
    expect(isActiveAt({ validFrom: null, validTo: window.validTo }, at('1990-01-01T00:00:00Z'))).toBe(true);
    expect(isActiveAt({ validFrom: window.validFrom, validTo: null }, at('2999-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('parseWindow', () => {
  it('parses ISO bounds and reads a zone-less value as UTC', () => {
    expect(parseWindow({ validFrom: '2026-01-01T00:00:00', validTo: '2026-02-01T00:00:00Z' })).toEqual({
      validFrom: at('2026-01-01T00:00:00Z'),
      validTo: at('2026-02-01T00:00:00Z'),
    });
  });

  it('maps missing bounds to null', () => {
    expect(parseWindow({})).toEqual({ validFrom: null, validTo: null });
  });

  it('refuses an empty or inverted window, naming validTo', () => {
    expect(() => parseWindow({ validFrom: '2026-02-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', context: { fields: [expect.objectContaining({ field: 'validTo' })] } }),
    );
  });

  it('names the malformed field', () => {
    expect(() => parseWindow({ validFrom: 'tomorrow' })).toThrow(
      expect.objectContaining({ context: { fields: [expect.objectContaining({ field: 'validFrom' })] } }),
    );
  });
});
