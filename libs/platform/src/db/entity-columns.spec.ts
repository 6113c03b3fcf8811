import type { EntityManager } from 'typeorm';
import { entityColumns, prefixedPart } from './entity-columns';

function managerOf(tablePath: string, columns: { databaseName: string; propertyPath: string; type: unknown }[]): EntityManager {
  return { connection: { getMetadata: () => ({ tablePath, columns }) } } as unknown as EntityManager;
}

describe('entityColumns', () => {
  const em = managerOf('crm.individual', [
    { databaseName: 'party_id', propertyPath: 'partyId', type: 'text' },
    { databaseName: 'date_of_birth', propertyPath: 'dateOfBirth', type: 'date' },
  ]);

  it('aliases each column to its property, so raw rows map through the entity views', () => {
    expect(entityColumns(em, 'IndividualEntity', 'i')).toBe('"i"."party_id" as "partyId", "i"."date_of_birth"::text as "dateOfBirth"');
  });

  it('prefixes the properties of a second entity in the same row, and prefixedPart takes them back', () => {
    expect(entityColumns(em, 'IndividualEntity', 'x', 'individual.')).toBe('"x"."party_id" as "individual.partyId", "x"."date_of_birth"::text as "individual.dateOfBirth"');
    expect(prefixedPart({ id: 'CUST-1', 'individual.partyId': 'PTY-1', 'individual.dateOfBirth': null }, 'individual.')).toEqual({ partyId: 'PTY-1', dateOfBirth: null });
  });
});
