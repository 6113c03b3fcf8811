import { IsString } from 'class-validator';
import { Verb, registeredVerbs, verbNameOfCliPath, verbOf } from './verb';

class PokeThingInput {
  @IsString() thingId!: string;
}

describe('Verb registry', () => {
  it('registers a command under its dotted name and finds it from the class', () => {
    @Verb({ name: 'thing.poke', input: PokeThingInput, summary: 'Pokes a thing' })
    class PokeThingCommand {}
    expect(verbOf(PokeThingCommand)?.name).toBe('thing.poke');
    expect(registeredVerbs().map((v) => v.name)).toContain('thing.poke');
  });

  it('refuses two classes under one name', () => {
    @Verb({ name: 'thing.prod', input: PokeThingInput, summary: 'Prods a thing' })
    class ProdThingCommand {}
    expect(verbOf(ProdThingCommand)).toBeDefined();
    expect(() => {
      @Verb({ name: 'thing.prod', input: PokeThingInput, summary: 'Prods a thing again' })
      class OtherProdCommand {}
      return OtherProdCommand;
    }).toThrow(/registered twice/);
  });

  it('refuses a name off the spine', () => {
    expect(() => Verb({ name: 'Thing-Poke', input: PokeThingInput, summary: 'x' })(class X {})).toThrow(/dotted snake_case/);
  });

  it('maps CLI path segments to the spine name', () => {
    expect(verbNameOfCliPath(['subscription', 'schedule-plan-change'])).toBe('subscription.schedule_plan_change');
  });
});
