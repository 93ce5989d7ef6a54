import { reasonGiven } from './rating-policy';

describe('the reason of a 差评', () => {
  it('is a category or words; 其他 alone needs words; a good rating needs none', () => {
    expect(reasonGiven(2, [], null)).toBe(false);
    expect(reasonGiven(2, ['attitude'], null)).toBe(true);
    expect(reasonGiven(1, [], '等了两个小时')).toBe(true);
    expect(reasonGiven(1, ['other'], null)).toBe(false);
    expect(reasonGiven(1, ['other', 'efficiency'], null)).toBe(true);
    expect(reasonGiven(3, [], null)).toBe(true);
  });
});
