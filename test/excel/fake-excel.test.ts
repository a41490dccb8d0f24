/**
 * The fake must fail the way Excel fails, or adapter tests against it prove nothing.
 */
import ExcelJS from 'exceljs';
import { bytesToBase64 } from '../../src/excel/base64';
import { createFakeExcel, type FakeExcel } from '../../src/testing/fake-excel';

/* eslint-disable @typescript-eslint/no-explicit-any -- the fake is driven through Office.js-shaped calls */
type Ctx = any;

async function run<T>(fake: FakeExcel, batch: (ctx: Ctx) => Promise<T>): Promise<T> {
  return fake.Excel.run<T>(batch);
}

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fake Excel: batching', () => {
  it('throws PropertyNotLoaded when a property is read before load() + sync()', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([
        ['', ''],
        ['', ''],
      ]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('applies writes only at sync, and a loaded value is a snapshot', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      const range = sheet.getRange('A1');
      range.values = [[5]];
      expect(fake.model.getSheet('Sheet1').peek(0, 0).value).toBe('');
      range.load('values');
      await ctx.sync();
      expect(range.values).toEqual([[5]]);
      range.values = [[6]];
      await ctx.sync();
      expect(range.values).toEqual([[5]]);
    });
    expect(fake.model.getSheet('Sheet1').peek(0, 0).value).toBe(6);
  });

  it('refuses a 2-D array of the wrong shape at sync, and runs nothing after the failing call', async () => {
    const fake = createFakeExcel();
    await expect(
      run(fake, async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Sheet1');
        sheet.getRange('A1:B2').values = [[1, 2]];
        sheet.getRange('C1').values = [[3]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.model.getSheet('Sheet1').peek(0, 2).value).toBe('');
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').values = [[1], [2, 3]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fails an unknown sheet name with ItemNotFound at sync; getItemOrNullObject gives a null object', async () => {
    const fake = createFakeExcel();
    await expect(
      run(fake, async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Không có');
        s.getRange('A1').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject('Không có');
      expect(() => s.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const used = s.getUsedRangeOrNullObject();
      used.load('address');
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
    // Acting on a null object fails the batch instead of silently doing nothing.
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject('Không có').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('refuses a proxy used after its Excel.run batch has finished', async () => {
    const fake = createFakeExcel();
    const leaked = await run(fake, async (ctx) => ctx.workbook.worksheets.getItem('Sheet1'));
    expect(() => leaked.getRange('A1')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  it('counts every round trip, including the final flush Excel.run makes', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(fake.stats.syncs).toBe(2);
    await run(fake, async () => undefined);
    expect(fake.stats.syncs).toBe(2);
  });

  it('treats text starting with "=" as a formula unless it is quoted with an apostrophe', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C1').values = [['=SUM(B2:B3)', "'=không phải công thức", '1.5']];
      const r = s.getRange('A1:C1');
      r.load('values, formulas');
      await ctx.sync();
      expect(r.formulas[0]).toEqual(['=SUM(B2:B3)', '=không phải công thức', 1.5]);
      expect(r.values[0][1]).toBe('=không phải công thức');
      expect(r.values[0][2]).toBe(1.5);
    });
  });

  it('recalculates SUM formulas after an edit, parents of parents included', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A4').formulas = [['=SUM(A2,A3:A4)'], ['=SUM(B2:B3)'], [0.1], [0.2]];
      s.getRange('B2:B3').values = [[1.25], ['văn bản']];
      await ctx.sync();
    });
    const sheet = fake.model.getSheet('Sheet1');
    expect(sheet.peek(0, 0).value).toBe(1.55);
    await fake.simulateUserEdit('Sheet1', 'B3', 2);
    expect(sheet.peek(1, 0).value).toBe(3.25);
    expect(sheet.peek(0, 0).value).toBe(3.55);
  });

  it('reports quoted addresses the way Excel does', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.add('Chấm điểm');
      const r = s.getRange('e12:f13');
      r.load('address');
      const used = s.getUsedRange();
      used.load('address');
      await ctx.sync();
      expect(r.address).toBe("'Chấm điểm'!E12:F13");
      expect(used.address).toBe("'Chấm điểm'!A1");
    });
  });
});

describe('fake Excel: protection', () => {
  it('throws when protecting a protected sheet or writing a locked cell of one', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B2').format.protection.locked = false;
      s.protection.protect();
      await ctx.sync();
      s.getRange('B2').values = [[1]];
      s.protection.load('protected');
      await ctx.sync();
      expect(s.protection.protected).toBe(true);
    });
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').protection.protect();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FFC7CE';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});

describe('fake Excel: events', () => {
  it('fires onChanged for user edits and add-in writes, with the origin only from ExcelApi 1.14', async () => {
    for (const [version, expected] of [
      ['1.9', [undefined, undefined]],
      ['1.14', ['Unknown', 'ThisLocalAddin']],
    ] as const) {
      const fake = createFakeExcel({ supported: { ExcelApi: version } });
      const seen: any[] = [];
      await run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e: any) => {
          seen.push(e);
        });
        await ctx.sync();
      });
      await fake.simulateUserEdit('Sheet1', 'C3', 7);
      await run(fake, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('D4:E4').values = [[1, 2]];
        await ctx.sync();
      });
      await fake.flushEvents();
      expect(seen.map((e) => e.address)).toEqual(['C3', 'D4:E4']);
      expect(seen.map((e) => e.triggerSource)).toEqual(expected);
    }
  });

  it('keeps a failing handler from breaking later events, and records its error', async () => {
    const fake = createFakeExcel();
    const seen: string[] = [];
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e: any) => {
        seen.push(e.address);
        if (e.address === 'A1') throw new Error('handler bug');
      });
      await ctx.sync();
    });
    await fake.simulateUserEdit('Sheet1', 'A1', 1);
    await fake.simulateUserEdit('Sheet1', 'B1', 1);
    expect(seen).toEqual(['A1', 'B1']);
    expect(fake.handlerErrors).toEqual([new Error('handler bug')]);
  });

  it('stops calling a handler once it is removed', async () => {
    const fake = createFakeExcel();
    let calls = 0;
    const result = await run(fake, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
        calls++;
      });
      await ctx.sync();
      return r;
    });
    await fake.simulateUserEdit('Sheet1', 'A1', 1);
    await fake.Excel.run(result.context, async (ctx: Ctx) => {
      result.remove();
      await ctx.sync();
    });
    await fake.simulateUserEdit('Sheet1', 'A1', 2);
    expect(calls).toBe(1);
  });
});

describe('fake Excel: files', () => {
  const build = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('Chấm điểm');
    ws.getCell('A1').value = 'Mã';
    ws.getCell('B2').value = 2.5;
    ws.getCell('B2').numFmt = '0.00';
    ws.getCell('B2').protection = { locked: false };
    ws.getCell('B3').value = { formula: 'SUM(B2:B2)', result: 2.5 };
    ws.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    void ws.protect('', { formatCells: false });
    const meta = wb.addWorksheet('_meta', { state: 'veryHidden' });
    meta.getCell('A1').value = 'frameworkId';
    wb.definedNames.add("'Chấm điểm'!$B$2:$B$3", 'cchc_scores');
  };

  it('opens xlsx bytes: values, formulas, formats, locked cells, protection, visibility, names', async () => {
    const fake = createFakeExcel();
    await fake.open(await xlsxBytes(build));
    const sheet = fake.model.getSheet('Chấm điểm');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Chấm điểm', '_meta']);
    expect(fake.model.getSheet('_meta').visibility).toBe('VeryHidden');
    expect(sheet.peek(1, 1)).toMatchObject({ value: 2.5, numberFormat: '0.00', locked: false });
    expect(sheet.peek(2, 1)).toMatchObject({ value: 2.5, formula: '=SUM(B2:B2)', locked: true });
    expect(sheet.peek(2, 2).fill).toBe('#FFC7CE');
    expect(sheet.protection.protected).toBe(true);
    await run(fake, async (ctx) => {
      const r = ctx.workbook.names.getItem('cchc_scores').getRange();
      r.load('address, values');
      await ctx.sync();
      expect(r.address).toBe("'Chấm điểm'!B2:B3");
      expect(r.values).toEqual([[2.5], [2.5]]);
    });
  });

  it('records created workbooks and refuses bytes that are not a workbook', async () => {
    const fake = createFakeExcel();
    const bytes = await xlsxBytes(build);
    await fake.Excel.createWorkbook(bytesToBase64(bytes));
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]!.bytes).toEqual(bytes);
    await expect(
      fake.Excel.createWorkbook(bytesToBase64(new TextEncoder().encode('not a zip'))),
    ).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it('inserts worksheets from base64 only when ExcelApi 1.13 is supported', async () => {
    const bytes = bytesToBase64(await xlsxBytes(build));
    const old = createFakeExcel();
    await expect(
      run(old, async (ctx) => {
        ctx.workbook.insertWorksheetsFromBase64(bytes);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const current = createFakeExcel({ supported: { ExcelApi: '1.13' } });
    const ids = await run(current, async (ctx) => {
      const r = ctx.workbook.insertWorksheetsFromBase64(bytes);
      await ctx.sync();
      return r.value;
    });
    expect(ids).toHaveLength(2);
    expect(current.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Chấm điểm', '_meta']);
  });
});

describe('fake Excel: charts and selection', () => {
  it('adds a chart from a range and selects a cell on another sheet', async () => {
    const fake = createFakeExcel();
    await run(fake, async (ctx) => {
      const s = ctx.workbook.worksheets.add('Xếp hạng');
      s.getRange('A1:B3').values = [
        ['Đơn vị', 'Chỉ số'],
        ['A', 90],
        ['B', 80.5],
      ];
      const chart = s.charts.add('BarClustered', s.getRange('B2:B3'), 'Columns');
      chart.series.getItemAt(0).setXAxisValues(s.getRange('A2:A3'));
      chart.title.text = 'Chỉ số CCHC';
      s.getRange('B3').select();
      await ctx.sync();
      s.charts.load('items/name');
      await ctx.sync();
      expect(s.charts.items.map((c: any) => c.name)).toEqual([
        fake.model.getSheet('Xếp hạng').charts[0]!.name,
      ]);
    });
    const chart = fake.model.getSheet('Xếp hạng').charts[0]!;
    expect(chart).toMatchObject({ type: 'BarClustered', title: 'Chỉ số CCHC' });
    expect(chart.series[0]).toMatchObject({ values: "'Xếp hạng'!B2:B3", xAxisValues: "'Xếp hạng'!A2:A3" });
    expect(fake.model.activeSheet?.name).toBe('Xếp hạng');
    expect(fake.model.selection?.rect).toEqual({ row: 2, col: 1, rowEnd: 2, colEnd: 1 });
    await expect(
      run(fake, async (ctx) => {
        ctx.workbook.worksheets
          .getItem('Xếp hạng')
          .charts.add('NoSuchChart', ctx.workbook.worksheets.getItem('Xếp hạng').getRange('B2:B3'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
