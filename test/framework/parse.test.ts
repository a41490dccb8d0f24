import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameworkError } from '../../src/framework/errors';
import { parseFramework, parseFrameworkText } from '../../src/framework/parse';
import { smallFrameworkInput } from './fixtures';

describe('parseFramework', () => {
  it('applies the defaults', () => {
    const input = smallFrameworkInput();
    delete input.bands;
    const f = parseFramework(input);
    expect(f.bands).toEqual([]);
    expect(f.tieRule).toBe('shared');
    expect(f.places).toBe(2);
    expect(f.notRanked).toEqual([]);
    expect(f.surveySources[0].conversion).toBe('rateTimesMax');
  });

  it('names the file, the path and the node code of a bad field, in Vietnamese', () => {
    const input = JSON.parse(JSON.stringify(smallFrameworkInput()));
    input.tree[0].children[0].children[1].max = 'hai';
    expect(() => parseFramework(input, 'tinh.json')).toThrow(FrameworkError);
    try {
      parseFramework(input, 'tinh.json');
    } catch (e) {
      const message = (e as FrameworkError).message;
      expect(message).toContain('tinh.json: không phải bộ tiêu chí hợp lệ (1 lỗi)');
      expect(message).toContain('"tree.0.children.0.children.1.max" (mục 1.1.2)');
      expect(message).toContain('mong đợi số');
    }
  });

  it('refuses a bad code with the schema message', () => {
    const input = JSON.parse(JSON.stringify(smallFrameworkInput()));
    input.tree[1].code = 'II';
    expect(() => parseFramework(input)).toThrow(/Mã phải có dạng 1, 1.1, 1.1.2/);
  });

  it('summarises many errors', () => {
    expect(() => parseFramework({ formatVersion: 2 }, 'x.json')).toThrow(
      /x\.json: không phải bộ tiêu chí hợp lệ \(\d+ lỗi\)[\s\S]*… và \d+ lỗi khác/,
    );
  });

  it('parseFrameworkText reads a BOM and reports broken JSON with the file name', () => {
    const text = readFileSync(join(__dirname, '../../templates/an-giang-2021.json'), 'utf8');
    expect(parseFrameworkText(`\ufeff${text}`, 'a.json').id).toBe('an-giang-2021');
    expect(() => parseFrameworkText('{ "id": ', 'a.json')).toThrow(/^a\.json: không đọc được JSON/);
  });
});
