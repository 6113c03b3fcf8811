import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { InvalidInput, type FieldError } from '#platform/platform.errors';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const MULTI_LINE = Symbol('bss:multi-line');

/**
 * Marks a text field that may span lines (a case note, a description): tabs and line breaks are
 * allowed in it. Every other text field of a command input is one line.
 */
export function MultiLine(): PropertyDecorator {
  return (target, property) => {
    const fields: Set<string | symbol> = Reflect.getOwnMetadata(MULTI_LINE, target) ?? new Set(Reflect.getMetadata(MULTI_LINE, target) ?? []);
    fields.add(property);
    Reflect.defineMetadata(MULTI_LINE, fields, target);
  };
}

function isMultiLine(dto: object, property: string): boolean {
  return (Reflect.getMetadata(MULTI_LINE, dto) as Set<string | symbol> | undefined)?.has(property) ?? false;
}

/** NUL and the other C0 controls but tab, LF and CR; DEL. Never text, in any field. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Also refused in a one-line field. */
// eslint-disable-next-line no-control-regex
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

function describeControl(text: string, pattern: RegExp): string {
  const found = pattern.exec(text)?.[0] ?? '';
  return `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Control characters in any string of the input: in a field of the command's DTO (and of nested
 * DTOs) by that field's kind — one line unless `@MultiLine()` — and in free-form data a DTO
 * carries (a stashed form, a provider payload) by the lenient rule. Postgres refuses NUL in text
 * and jsonb, and no person types the others, so they are refused here as input errors, once.
 */
function controlCharacterErrors(value: unknown, field: string, multiLine: boolean, errors: FieldError[]): void {
  if (typeof value === 'string') {
    if (CONTROL.test(value)) {
      errors.push({ field, messages: [`${field} must not contain control characters (found ${describeControl(value, CONTROL)})`] });
    } else if (!multiLine && LINE_BREAK_OR_TAB.test(value)) {
      errors.push({ field, messages: [`${field} must be a single line, without tabs or line breaks`] });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => controlCharacterErrors(item, `${field}[${i}]`, multiLine, errors));
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  const isDto = Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null;
  for (const [key, child] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    if (!isDto) {
      // Keys of free-form data are text too.
      if (CONTROL.test(key)) errors.push({ field: path, messages: [`${field || 'input'} must not contain control characters in its keys`] });
      controlCharacterErrors(child, path, true, errors);
    } else {
      controlCharacterErrors(child, path, isMultiLine(value, key), errors);
    }
  }
}

/**
 * The one input gate of every command: turns a plain object into the command's
 * class-validator DTO, or throws InvalidInput naming each bad field. The same DTO class serves
 * the HTTP route, the CLI verb and the agent tool. Control characters are refused here for every
 * text field of every command (see `controlCharacterErrors`).
 */
export async function validateInput<T extends object>(dto: ClassConstructor<T>, input: unknown): Promise<T> {
  const instance = plainToInstance(dto, input ?? {}, { enableImplicitConversion: false });
  const errors = flatten(await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }));
  const reported = new Set(errors.map((e) => e.field));
  const controls: FieldError[] = [];
  controlCharacterErrors(instance, '', false, controls);
  errors.push(...controls.filter((e) => !reported.has(e.field)));
  if (errors.length > 0) throw new InvalidInput(errors);
  return instance;
}
