import { withheldText } from '../phrasing';

describe('the withheld note', () => {
    it('says how many closed deals the rep has, where suggestions start and how many more are needed', () => {
        expect(withheldText(8, 15)).toBe('8 closed deals; suggestions start at 15: 7 more');
        expect(withheldText(1, 15)).toBe('1 closed deal; suggestions start at 15: 14 more');
        expect(withheldText(0, 2)).toBe('0 closed deals; suggestions start at 2: 2 more');
    });
});
