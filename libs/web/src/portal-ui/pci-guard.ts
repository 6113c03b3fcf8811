import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigInvalid } from '@bss/platform';

/**
 * Input names that would carry a raw card number through our servers, written as an attribute
 * (`name="card_number"`) or as the field-name argument of a form mixin (`+field('card_number', …)`).
 */
const CARD_INPUT = /(?:\bname\s*=\s*|\+\w+\(\s*)(['"])(card_number|card_pan|pan|cardNumber)\1/;

export interface CardInputHit {
  file: string;
  line: number;
}

function* templates(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'node_modules' && entry !== 'dist') yield* templates(full);
    } else if (entry.endsWith('.pug') || entry.endsWith('.html')) yield full;
  }
}

/** Every template line that renders a card-number input. */
export function findCardNumberInputs(dirs: readonly string[]): CardInputHit[] {
  const hits: CardInputHit[] = [];
  for (const dir of dirs) {
    for (const file of templates(dir)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, i) => {
          if (CARD_INPUT.test(text)) hits.push({ file: relative(process.cwd(), file), line: i + 1 });
        });
    }
  }
  return hits;
}

/**
 * With a real payment provider in production, card numbers may only be typed into the
 * provider's hosted page: a template rendering a card-number input here would put our servers
 * in PCI scope, so the process refuses to start.
 */
export function assertPciSafeTemplates(dirs: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  if (env.BSS_ENV !== 'production' || env.BSS_PAYMENT_PROVIDER !== 'stripe') return;
  const hits = findCardNumberInputs(dirs);
  if (hits.length > 0) {
    throw new ConfigInvalid(
      `PCI guard: BSS_PAYMENT_PROVIDER=stripe in production, but these templates render a card-number input: ${hits.map((h) => `${h.file}:${h.line}`).join(', ')}. Take cards through the provider's hosted checkout instead.`,
      { hits },
    );
  }
}
