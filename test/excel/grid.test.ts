/** The small pure pieces of the adapter: Office.js payloads → grid, address splitting, runs, echoes. */
import { contiguousRuns, gridFromRange, splitAddress } from '../../src/excel/grid';
import { consumeOwnWrite, forgetOwnWrites, noteOwnWrite } from '../../src/excel/own-writes';

describe('gridFromRange', () => {
  it('turns Office.js payloads into the reader’s grid: blanks, errors, formulas, 1-based origin', () => {
    const grid = gridFromRange({
      values: [
        ['', 1.5, '#DIV/0!', '#DIV/0!'],
        ['=text', 3, true, 'x'],
      ],
      formulas: [
        ['', 1.5, '=1/0', '#DIV/0!'],
        ['=text', '=1+2', true, 'x'],
      ],
      valueTypes: [
        ['Empty', 'Double', 'Error', 'String'],
        ['String', 'Double', 'Boolean', 'String'],
      ],
      rowIndex: 3,
      columnIndex: 1,
    });
    expect(grid.firstRow).toBe(4);
    expect(grid.firstCol).toBe(2);
    // An error value is an error; the same text typed by a user is text.
    expect(grid.values).toEqual([
      [null, 1.5, { error: '#DIV/0!' }, '#DIV/0!'],
      ['=text', 3, true, 'x'],
    ]);
    // A text cell that reads "=text" is not a formula; "=1+2" is.
    expect(grid.formulas).toEqual([
      [null, null, '1/0', null],
      [null, '1+2', null, null],
    ]);
  });
});

describe('addresses and runs', () => {
  it('splits quoted and unquoted sheet names', () => {
    expect(splitAddress("'Chấm điểm'!$E$12")).toEqual({ sheet: 'Chấm điểm', local: 'E12' });
    expect(splitAddress('Chấm điểm!E12:F13')).toEqual({ sheet: 'Chấm điểm', local: 'E12:F13' });
    expect(splitAddress("'Sở ''A'''!A1")).toEqual({ sheet: "Sở 'A'", local: 'A1' });
    expect(splitAddress('B2')).toEqual({ sheet: null, local: 'B2' });
  });

  it('groups rows into runs of consecutive rows', () => {
    expect(contiguousRuns([9, 5, 6, 7, 12, 6])).toEqual([
      [5, 7],
      [9, 9],
      [12, 12],
    ]);
    expect(contiguousRuns([])).toEqual([]);
  });
});

describe('own writes', () => {
  afterEach(forgetOwnWrites);

  it('swallows exactly one echo per noted write, and forgets writes whose echo never came', () => {
    noteOwnWrite('{S1}', "'Chấm điểm'!L9:L10", 1000);
    expect(consumeOwnWrite('{S2}', 'L9:L10', 1001)).toBe(false);
    expect(consumeOwnWrite('{S1}', 'l9:l10', 1002)).toBe(true);
    expect(consumeOwnWrite('{S1}', 'L9:L10', 1003)).toBe(false);
    noteOwnWrite('{S1}', 'E5', 1000);
    expect(consumeOwnWrite('{S1}', 'E5', 1000 + 60_000)).toBe(false);
  });
});
