import { gramsOf, namesAndNumbers, whatWasTyped } from './what-was-typed';

describe('what the words typed in the search box can mean', () => {
  const key = Buffer.alloc(32, 7);

  it('looks a name up by each pair of adjacent characters, or by the one character typed', () => {
    expect(gramsOf('王')).toEqual(['王']);
    expect(gramsOf('王秀英')).toEqual(['王秀', '秀英']);
    expect(gramsOf('哈哈哈')).toEqual(['哈哈']);
    expect(gramsOf('𠮷田')).toEqual(['𠮷田']);
  });

  it('searches names through their index, and a run of digits among receipt numbers too', () => {
    const values: unknown[] = [];
    expect(whatWasTyped('秀 英', key, values)).toBe(
      'routing.name_grams(county, town, applicant_name, matter_name) @> $1::text[]',
    );
    expect(values).toEqual([['秀英']]);
    // Three characters or more: the pairs narrow it down, LIKE keeps only names holding them in that order.
    const longer: unknown[] = [];
    expect(whatWasTyped('王秀英', key, longer)).toContain('applicant_name LIKE $2 OR matter_name LIKE $2');
    expect(longer).toEqual([['王秀', '秀英'], '%王秀英%']);
    // Digits are part of a receipt number, or of a matter's name (80周岁以上老年人…).
    const digits: unknown[] = [];
    expect(whatWasTyped('80', key, digits)).toBe(
      '(receipt_number LIKE $1 OR routing.name_grams(county, town, applicant_name, matter_name) @> $2::text[])',
    );
    expect(digits).toEqual(['%80%', ['80']]);
  });

  it('takes a number typed beside a name as a second condition, and letters split by spaces as one name', () => {
    expect(namesAndNumbers('婚姻 000073')).toEqual(['婚姻', '000073']);
    expect(namesAndNumbers('王 秀英 1234')).toEqual(['王秀英', '1234']);
    expect(namesAndNumbers('秀 英')).toEqual(['秀 英']);
    expect(namesAndNumbers('1405 2519 8001 0112 34')).toEqual(['1405 2519 8001 0112 34']);
    const values: unknown[] = [];
    expect(whatWasTyped('婚姻 000073', key, values)).toBe(
      'routing.name_grams(county, town, applicant_name, matter_name) @> $1::text[] AND ' +
        '(receipt_number LIKE $2 OR applicant_id_tail LIKE $2)',
    );
    expect(values).toEqual([['婚姻'], '%000073']);
  });

  it('narrows the name index to the one county and town searched, when there is one', () => {
    const values: unknown[] = [];
    whatWasTyped('王', key, values, { county: '140525', town: '140525100' });
    expect(values[0]).toEqual(['王', 'county:140525', 'town:140525100']);
  });

  it('can write the same name condition so that each case read is checked instead of the index asked', () => {
    const indexed = whatWasTyped('王', key, [], { county: '140525' });
    const values: unknown[] = [];
    const eachCase = whatWasTyped('王', key, values, { county: '140525', town: '140525100' }, 'each-case');
    expect(indexed).toBe('routing.name_grams(county, town, applicant_name, matter_name) @> $1::text[]');
    expect(eachCase).toBe('(county = $2 AND town = $3 AND (applicant_name LIKE $1 OR matter_name LIKE $1))');
    expect(values).toEqual(['%王%', '140525', '140525100']);
    // Longer text the same way: LIKE alone says whether a name holds it.
    expect(whatWasTyped('王秀英', key, [], {}, 'each-case')).toBe(
      '((applicant_name LIKE $1 OR matter_name LIKE $1))',
    );
  });

  it('takes % and _ as the characters typed, not as wildcards', () => {
    const values: unknown[] = [];
    whatWasTyped('50%_', key, values);
    expect(values[1]).toBe('%50\\%\\_%');
  });
});
