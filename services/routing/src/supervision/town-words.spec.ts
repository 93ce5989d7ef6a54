import { resolve } from 'node:path';
import { SeededPlaceNames } from '@oneseal/domain';
import { townInWords } from './town-words';

const places = SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../../seeds'));

describe('a town named in a supervisor’s search', () => {
  it('narrows to the town by its name, with or without 镇, and leaves the rest to search', () => {
    expect(townInWords('南村镇', '140525', places)).toEqual({ town: '140525100', rest: '' });
    expect(townInWords('南村 婚姻', '140525', places)).toEqual({ town: '140525100', rest: '婚姻' });
    expect(townInWords('婚姻生育情况证明', '140525', places)).toEqual({ rest: '婚姻生育情况证明' });
  });

  it('does not take a town of another county', () => {
    expect(townInWords('南村镇', '140521', places).town).toBeUndefined();
  });
});
