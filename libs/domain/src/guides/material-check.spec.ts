import { describeShortfall, findMaterialShortfalls } from './material-check';
import type { GuideMaterial } from './matter-guide';

const guide: GuideMaterial[] = [
  { name: '申请人有效身份证件', issuer: '公安机关', originals: 1, copies: 1, required: true },
  { name: '申请表', issuer: '申请人', originals: 1, copies: 0, required: true },
  { name: '户口簿', issuer: '公安机关', originals: 1, copies: 1, required: false },
];

describe('material shortfalls (补正)', () => {
  it('is empty when every required material is there in the numbers the guide asks', () => {
    expect(
      findMaterialShortfalls(guide, [
        { name: '申请人有效身份证件', originals: 1, copies: 1 },
        { name: '申请表', originals: 1, copies: 0 },
      ]),
    ).toEqual([]);
  });

  it('lists everything missing at once, optional materials excluded', () => {
    const shortfalls = findMaterialShortfalls(guide, []);
    expect(shortfalls.map((s) => s.name)).toEqual(['申请人有效身份证件', '申请表']);
    expect(shortfalls.every((s) => s.problem === 'missing')).toBe(true);
  });

  it('names too few originals or copies', () => {
    const shortfalls = findMaterialShortfalls(guide, [
      { name: '申请人有效身份证件', originals: 1, copies: 0 },
      { name: '申请表', originals: 0, copies: 2 },
    ]);
    expect(shortfalls.map((s) => [s.name, s.problem])).toEqual([
      ['申请人有效身份证件', 'copies'],
      ['申请表', 'originals'],
    ]);
    expect(describeShortfall(shortfalls[0])).toBe('申请人有效身份证件：复印件不足，需 1 份');
  });

  it('matches names regardless of spaces and full-width brackets, and adds up repeated lines', () => {
    const withBrackets: GuideMaterial[] = [
      { name: '证明（原件）', issuer: '村委会', originals: 2, copies: 0, required: true },
    ];
    expect(
      findMaterialShortfalls(withBrackets, [
        { name: '证明 (原件)', originals: 1, copies: 0 },
        { name: '证明(原件)', originals: 1, copies: 0 },
      ]),
    ).toEqual([]);
  });
});

describe('materials filed online', () => {
  it('takes uploaded pages for the paper, and still names a required material with none', () => {
    const shortfalls = findMaterialShortfalls(guide, [
      { name: '申请人有效身份证件', originals: 0, copies: 0, pages: 2 },
      { name: '申请表', originals: 0, copies: 0, pages: 0 },
    ]);
    expect(shortfalls.map((s) => [s.name, s.problem])).toEqual([['申请表', 'missing']]);
  });
});
