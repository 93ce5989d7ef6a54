import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MarkAllReadDto } from './inbox.query';

const problemsOf = (body: object) =>
  validateSync(plainToInstance(MarkAllReadDto, body)).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );

describe('全部标为已读 asks for the time the list was read', () => {
  it('takes the asOf the list gave', () => {
    expect(problemsOf({ before: '2026-12-07T00:42:31.199Z' })).toEqual([]);
    expect(problemsOf({ before: '2026-12-07T08:42:31+08:00', kind: 'deadlineRed' })).toEqual([]);
  });

  it('refuses what is not a date and time, week dates included, in words a clerk reads', () => {
    for (const before of [undefined, '', '2025-W01-1', '2026-12-07', 'yesterday'])
      expect(problemsOf({ before })).toContain('缺少或不正确的截至时间，请刷新后重试');
  });
});
