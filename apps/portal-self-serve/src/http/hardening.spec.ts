import { ConfigInvalid } from '@bss/platform';
import { loadPortalPepper, STEP_UP_LABELS } from '@bss/identity';
import { assertPciSafeTemplates, findCardNumberInputs, SHARED_VIEWS_DIR } from '@bss/web';
import { StepUp } from './gates';
import { PORTAL_VIEWS_DIR } from './portal-ui';

describe('boot-time hardening', () => {
  const dirs = [PORTAL_VIEWS_DIR, SHARED_VIEWS_DIR];

  it('the PCI guard finds the card-number inputs of the mock card forms', () => {
    const files = findCardNumberInputs(dirs).map((h) => h.file);
    expect(files.some((f) => f.endsWith('signup/card.pug'))).toBe(true);
    expect(files.some((f) => f.endsWith('selfcare/payment-method-add.pug'))).toBe(true);
  });

  it('refuses to boot with a real payment provider in production while a template renders a card input', () => {
    expect(() => assertPciSafeTemplates(dirs, { BSS_ENV: 'production', BSS_PAYMENT_PROVIDER: 'stripe' })).toThrow(/PCI guard.*signup\/card\.pug/);
  });

  it('lets the mock provider, or stripe outside production, boot', () => {
    expect(() => assertPciSafeTemplates(dirs, { BSS_ENV: 'production', BSS_PAYMENT_PROVIDER: 'mock' })).not.toThrow();
    expect(() => assertPciSafeTemplates(dirs, { BSS_ENV: 'development', BSS_PAYMENT_PROVIDER: 'stripe' })).not.toThrow();
  });

  it('a route with an unknown step-up label fails at startup; every listed label is accepted', () => {
    expect(() => StepUp('launch_missiles' as never)).toThrow(/Unknown step-up action "launch_missiles"/);
    for (const label of STEP_UP_LABELS) expect(() => StepUp(label)).not.toThrow();
  });

  it('the token pepper: production refuses none, changeme or a short one; development generates one once', () => {
    expect(() => loadPortalPepper({ BSS_ENV: 'production' }, () => '/nonexistent')).toThrow(ConfigInvalid);
    expect(() => loadPortalPepper({ BSS_PORTAL_TOKEN_PEPPER: 'changeme' })).toThrow(/changeme/);
    expect(() => loadPortalPepper({ BSS_PORTAL_TOKEN_PEPPER: 'short' })).toThrow(/at least 32/);
    expect(loadPortalPepper({ BSS_PORTAL_TOKEN_PEPPER: 'x'.repeat(40) })).toBe('x'.repeat(40));
    const file = `${require('node:os').tmpdir()}/bss-pepper-${process.pid}`;
    const first = loadPortalPepper({}, () => file);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(loadPortalPepper({}, () => file)).toBe(first);
    require('node:fs').rmSync(file);
  });
});
