import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { InvalidInput, type FieldError } from '../platform.errors';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The one input gate of every command: turns a plain object into the command's
 * class-validator DTO, or throws InvalidInput naming each bad field. The same DTO class serves
 * the HTTP route, the CLI verb and the agent tool.
 */
export async function validateInput<T extends object>(dto: ClassConstructor<T>, input: unknown): Promise<T> {
  const instance = plainToInstance(dto, input ?? {}, { enableImplicitConversion: false });
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new InvalidInput(flatten(errors));
  return instance;
}
