import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { InvalidInput } from '#platform/platform.errors';
import { MultiLine, validateInput } from './validate-input';

class AddressInput {
  @IsString() line1!: string;
}

class NoteInput {
  @IsString() @MaxLength(200) givenName!: string;
  @IsOptional() @IsString() @MultiLine() body?: string;
  @IsOptional() @ValidateNested() @Type(() => AddressInput) address?: AddressInput;
  @IsOptional() @IsObject() payload?: Record<string, unknown>;
}

async function fieldsRefused(input: object): Promise<string[]> {
  try {
    await validateInput(NoteInput, input);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidInput)) throw error;
    return error.fields.map((f) => f.field);
  }
}

describe('validateInput: control characters, one rule for every text field', () => {
  it.each([
    ['NUL', 'Ada\u0000'],
    ['BEL', 'Ada\u0007'],
    ['ESC', '\u001b[31mAda'],
    ['DEL', 'Ada\u007f'],
  ])('refuses %s in any field, naming it', async (_name, text) => {
    expect(await fieldsRefused({ givenName: text })).toEqual(['givenName']);
    expect(await fieldsRefused({ givenName: 'Ada', body: text })).toEqual(['body']);
    expect(await fieldsRefused({ givenName: 'Ada', address: { line1: text } })).toEqual(['address.line1']);
    expect(await fieldsRefused({ givenName: 'Ada', payload: { form: { name: text } } })).toEqual(['payload.form.name']);
  });

  it('says which character it found', async () => {
    await expect(validateInput(NoteInput, { givenName: 'A\u0000' })).rejects.toThrow('givenName must not contain control characters (found U+0000)');
  });

  it('refuses tabs and line breaks in a one-line field', async () => {
    for (const text of ['Ada\tLovelace', 'Ada\nLovelace', 'Ada\r']) expect(await fieldsRefused({ givenName: text })).toEqual(['givenName']);
  });

  it('allows tabs and line breaks where a field may span lines, and in free-form data', async () => {
    expect(await fieldsRefused({ givenName: 'Ada', body: 'first line\r\n\tsecond line', payload: { note: 'a\nb' } })).toEqual([]);
  });

  it('allows any printable text, accents, scripts and emoji included', async () => {
    expect(await fieldsRefused({ givenName: 'Zoë 李 عائشة 🚀 \u00a0«»' })).toEqual([]);
  });

  it('refuses control characters in the keys of free-form data', async () => {
    expect(await fieldsRefused({ givenName: 'Ada', payload: { 'a\u0000b': 'x' } })).toEqual(['payload.a\u0000b']);
  });
});
