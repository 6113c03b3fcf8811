import { extractEntities, extractQuantities, maskEntities } from './entities';

describe('extractEntities', () => {
  it('finds prefixed ids, emails, catalog ids and MSISDNs with or without spaces and +65', () => {
    const found = extractEntities('move SUB-0003 of CUST-3f9a0c12 to PLAN_L, mail tan@example.sg, numbers +65 8123 4567 and 91234567', 'user');
    expect(found.map((e) => `${e.kind}:${e.value}`)).toEqual(
      expect.arrayContaining(['id:SUB-0003', 'id:CUST-3f9a0c12', 'catalogId:PLAN_L', 'email:tan@example.sg', 'msisdn:81234567', 'msisdn:91234567']),
    );
  });

  it('does not read the digits of an id as an MSISDN', () => {
    expect(extractEntities('show CASE-12345678', 'user').filter((e) => e.kind === 'msisdn')).toEqual([]);
  });

  it('reads a number prefix as a prefix, not a number', () => {
    expect(extractEntities('count numbers with prefix 9123', 'user')).toEqual([expect.objectContaining({ kind: 'prefix', value: '9123' })]);
  });
});

describe('extractQuantities', () => {
  it.each([
    ['top up 1GB', 1024],
    ['give me 5 gigs', 5120],
    ['another gig please', 1024],
    ['500mb is enough', 500],
    ['buy me one more gigabyte', 1024],
  ])('%s → %i MB', (text, megabytes) => {
    expect(extractQuantities(text)).toEqual([{ megabytes }]);
  });
});

describe('maskEntities', () => {
  it('replaces entities by class words the classifier trains on', () => {
    expect(maskEntities('show ORD-0001 for jane@example.com').replace(/\s+/g, ' ').trim()).toBe('show ordref for emailref');
  });
});
