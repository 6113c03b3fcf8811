import { renderProvTasks } from './prov-tasks.renderer';

describe('renderProvTasks', () => {
  const tasks = [
    { id: 'PTK-0001', serviceId: 'SVC-0102', taskType: 'HLR_PROVISION', state: 'completed', attempts: 1, maxAttempts: 3 },
    { id: 'PTK-0002', serviceId: 'SVC-0102', taskType: 'OCS_BALANCE_INIT', state: 'failed', attempts: 3, maxAttempts: 3 },
  ];

  it('prints a fixed-column header, a dash rule and attempts/maxAttempts', () => {
    const lines = renderProvTasks(tasks).split('\n');
    expect(lines[0]).toBe('ID       SERVICE    TASK_TYPE              STATE        ATTEMPTS');
    expect(lines[1]).toBe('-'.repeat(lines[0]?.length ?? 0));
    expect(lines[3]).toBe('PTK-0002 SVC-0102   OCS_BALANCE_INIT       failed       3/3');
  });

  it('says (no tasks) when empty', () => {
    expect(renderProvTasks([])).toBe('(no tasks)');
  });

  it('matches the snapshot', () => {
    expect(renderProvTasks(tasks)).toMatchSnapshot();
  });
});
