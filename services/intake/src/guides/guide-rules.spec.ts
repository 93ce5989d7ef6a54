import type { PublishGuideDto } from './dto/publish-guide.dto';
import { guideProblems } from './guide-rules';

const consistent = {
  caseKind: '承诺件',
  statutoryLimitWorkingDays: 20,
  committedLimitWorkingDays: 10,
  materials: [{ name: '申请表', issuer: '申请人', originals: 1, copies: 0, required: true }],
  onlineDepth: 2,
  onSiteVisits: 1,
} as PublishGuideDto;

describe('a guide that holds together', () => {
  it('passes as it is', () => {
    expect(guideProblems(consistent)).toEqual([]);
    expect(guideProblems({ ...consistent, statutoryLimitWorkingDays: null })).toEqual([]);
  });

  it('promises no more than the law allows, and at least a day for a 承诺件', () => {
    expect(guideProblems({ ...consistent, committedLimitWorkingDays: 25 })).toEqual([
      '承诺办结时限（25 个工作日）不能超过法定办结时限（20 个工作日）',
    ]);
    expect(guideProblems({ ...consistent, committedLimitWorkingDays: 0 })).toEqual([
      '承诺件的承诺办结时限至少为 1 个工作日',
    ]);
  });

  it('asks a fully online matter for no visit', () => {
    expect(guideProblems({ ...consistent, onlineDepth: 4, onSiteVisits: 1 })).toEqual([
      '全程网办（网办深度 4）的事项到现场次数应为 0',
    ]);
  });
});
