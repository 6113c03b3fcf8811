import { renderFieldTable } from './field-table.renderer';

describe('renderFieldTable', () => {
  const rows = [
    ['name', 'Welcome 10%'],
    ['state', 'active'],
    ['audience', 'public'],
    ['code', 'WELCOME10'],
    ['offerDefinitionId', 'OD_PROMO_WELCOME10'],
    ['discount', 'percent 10.00'],
    ['duration', 'multi (periods=3)'],
    ['applicableOfferings', 'all'],
  ] as const;

  it('draws a heavy header over a light body, all rows one width', () => {
    const lines = renderFieldTable('Promotion PROMO_WELCOME10', rows).split('\n');
    const table = lines.slice(1);
    expect(table[0]).toMatch(/^┏━+┳━+┓$/);
    expect(table[1]).toMatch(/^┃ field +┃ value +┃$/);
    expect(table[2]).toMatch(/^┡━+╇━+┩$/);
    expect(table[3]).toMatch(/^│ name +│ Welcome 10% +│$/);
    expect(table[table.length - 1]).toMatch(/^└─+┴─+┘$/);
    expect(new Set(table.map((line) => Array.from(line).length)).size).toBe(1);
    expect(lines[0]?.trim()).toBe('Promotion PROMO_WELCOME10');
  });

  it('matches the snapshot', () => {
    expect(renderFieldTable('Promotion PROMO_WELCOME10', rows)).toMatchSnapshot();
  });
});
