/**
 * `Chi tiết`: one row per unit (by group, in ranking order), one column per leaf with the score that
 * counts, under a row per group with the group's maximum of each leaf (empty where a leaf does not
 * apply). Printed at 100 % on A4 landscape: the leaf columns run on over as many pages across as
 * they need, each page repeating the title and header rows and the unit's code and name (print
 * titles), so no page is a strip of bare numbers. The group id stays in a hidden last column.
 * Rows are made and written one at a time: 10,000 units × 51 leaves never sit in memory.
 */
import { xmlSafe } from '../../common/clean-text';
import { samePoints } from '../../common/decimal';
import { fittedRowHeight, rowHeightForLines, widthCharsFor } from '../../common/text-layout';
import type { ConsolidationResult, LeafDetail, UnitDetail } from '../../consolidation/types';
import type { Framework, FrameworkNode } from '../../framework/schema';
import { appliesTo, leafMaxFor, leaves } from '../../framework/tree';
import { FORMAT, groupsInOrder, orderInGroup } from '../../workbook/ranking-plan';
import type { CellStyle } from '../write/styles';
import type { XlsxStreamWriter } from '../write/workbook-writer';
import { FONT, GREY, headerStyle, printSetup, SHEET_DETAIL, type TableCell } from './sheet-format';

/** Text size of the detail matrix, printed at 100 %: the sheet is not shrunk to the page width. */
const DETAIL_SIZE = 10;
/** A leaf column: "10.00" and "10.1.2" at 10 pt with room to spare. */
const LEAF_WIDTH = 5;
/** Light yellow: the council's appraisal differs from the unit's self score. */
const CHANGED_FILL = 'FFFFF2CC';
const TITLE = 'Điểm tính theo tiêu chí';
/** Column of the first leaf (after the unit's code and name). */
const FIRST_LEAF_COLUMN = 3;
const NOTES = [
  'Điểm tính: điểm thẩm định (lần 2 nếu có), nơi chưa thẩm định là điểm tự đánh giá; tiêu chí điều tra XHH: điểm điều tra. Ô trống: tiêu chí không áp dụng cho nhóm.',
  'Ô tô vàng: điểm thẩm định khác điểm tự đánh giá.',
];

function bodyStyle(
  bold: boolean,
  boxed: boolean,
  wrap: boolean,
  changed: boolean,
  isNumber: boolean,
): CellStyle {
  const s: CellStyle = {
    font: { name: FONT, size: DETAIL_SIZE, bold },
    alignment: { wrap, vertical: 'middle' },
  };
  if (boxed) s.border = GREY;
  if (changed) s.fill = CHANGED_FILL;
  if (isNumber) s.numFmt = FORMAT.points;
  return s;
}

/** One row of the matrix: values, style ids, and a height when a wrapped name needs one. */
interface DetailRow {
  values: TableCell[];
  styles: number[];
  height: number | undefined;
}

/** Makes the rows of the matrix: a group's maxima and each unit's scores. */
class DetailRows {
  /** Style ids by (bold, boxed, wrapped, changed, number), found once. */
  private readonly ids: (number | undefined)[] = new Array(32);
  private readonly oneLine = rowHeightForLines(1, DETAIL_SIZE);

  constructor(
    private readonly wb: XlsxStreamWriter,
    private readonly leafNodes: FrameworkNode[],
    private readonly nameWidth: number,
    private readonly groupCol: number,
  ) {}

  maxima(g: { id: string; name: string }): DetailRow {
    const name = `Điểm tối đa — ${g.name}`;
    const maxima = this.leafNodes.map((l) => (appliesTo(l, g.id) ? leafMaxFor(l, g.id) : null));
    return this.row(['Tối đa', name, ...maxima, g.name, g.id], true, [], name);
  }

  // Loops, not map callbacks: closures made per unit lose their optimised code whenever the
  // collector finds none alive (V8 keeps it only weakly), and were recompiled per consolidation.
  unit(d: UnitDetail, g: { id: string; name: string }): DetailRow {
    const byCode = new Map<string, LeafDetail>();
    for (const l of d.leaves) byCode.set(l.code, l);
    const changed: boolean[] = [];
    const leafNodes = this.leafNodes;
    const values: TableCell[] = [d.unit.code || null, d.unit.name];
    for (let i = 0; i < leafNodes.length; i++) {
      const l = leafNodes[i];
      const leaf = byCode.get(l.code);
      if (!appliesTo(l, g.id) || !leaf) {
        values.push(null);
        continue;
      }
      changed[FIRST_LEAF_COLUMN - 1 + i] =
        leaf.self !== null && leaf.appraisal !== null && !samePoints(leaf.self, leaf.appraisal);
      values.push(leaf.final);
    }
    values.push(g.name, g.id);
    return this.row(values, false, changed, d.unit.name);
  }

  private row(values: TableCell[], bold: boolean, changed: boolean[], name: string): DetailRow {
    const safe: TableCell[] = new Array(values.length);
    const styles: number[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      safe[i] = typeof v === 'string' ? xmlSafe(v) : v;
      styles[i] = this.styleOf(i, bold, Boolean(changed[i]), typeof v === 'number');
    }
    const height = fittedRowHeight([
      { text: name, widthChars: this.nameWidth, sizePt: DETAIL_SIZE, style: { bold } },
    ]);
    // One line keeps the default height; only wrapped names make a row taller.
    return { values: safe, styles, height: height > this.oneLine ? height : undefined };
  }

  private styleOf(i: number, bold: boolean, changed: boolean, isNumber: boolean): number {
    const boxed = i < this.groupCol;
    const wrap = i === 1;
    // The five flags as one small number: no key text made for each of the ~55 cells of a row.
    const slot = (+bold << 4) | (+boxed << 3) | (+wrap << 2) | (+changed << 1) | +isNumber;
    let id = this.ids[slot];
    if (id === undefined) {
      id = this.wb.styles.id(`detail|${bold}|${boxed}|${wrap}|${changed}|${isNumber}`, () =>
        bodyStyle(bold, boxed, wrap, changed, isNumber),
      );
      this.ids[slot] = id;
    }
    return id;
  }
}

export async function writeDetailSheet(
  wb: XlsxStreamWriter,
  result: ConsolidationResult,
  framework: Framework,
): Promise<void> {
  const leafNodes = leaves(framework);
  const details = new Map(result.details.map((d) => [d.key, d]));
  const codeWidth = widthCharsFor(
    ['Mã đơn vị', 'Tối đa', ...result.details.map((d) => d.unit.code)],
    DETAIL_SIZE,
    8,
  );
  // As wide as the longest name on one line, up to 32 characters (longer names wrap).
  const nameWidth = Math.min(
    32,
    widthCharsFor(
      result.details.map((d) => d.unit.name),
      DETAIL_SIZE,
      16,
    ),
  );
  const groupCol = FIRST_LEAF_COLUMN + leafNodes.length;
  const ws = wb.sheet({
    name: SHEET_DETAIL,
    columns: [
      { width: codeWidth },
      { width: nameWidth },
      ...leafNodes.map(() => ({ width: LEAF_WIDTH })),
      { width: 18 },
      { width: 8, hidden: true },
    ],
    freeze: { rows: 2, cols: 2 },
    orientation: 'landscape',
    fitToWidth: false,
  });
  const titleStyle = wb.styles.id('detail-title', () => ({ font: { name: FONT, size: 12, bold: true } }));
  await ws.row(1, [TITLE], [titleStyle], fittedRowHeight([{ text: TITLE, widthChars: 200, sizePt: 12 }]));
  const header = ['Mã đơn vị', 'Đơn vị', ...leafNodes.map((l) => xmlSafe(l.code)), 'Nhóm', 'Mã nhóm'];
  const headerId = wb.styles.id(`table-header|${DETAIL_SIZE}`, () => headerStyle(DETAIL_SIZE));
  await ws.row(
    2,
    header,
    header.map(() => headerId),
    fittedRowHeight([
      { text: 'Mã đơn vị', widthChars: codeWidth, sizePt: DETAIL_SIZE, style: { bold: true } },
    ]),
  );
  const rows = new DetailRows(wb, leafNodes, nameWidth, groupCol);
  let r = 3;
  // The rows are made by a plain function and only written here: an async loop that also built
  // them was one large function V8 optimised again at every run (its compile took 100-150 ms of
  // CPU per consolidation of 1,000 units, measured with --trace-opt).
  for (const g of groupsInOrder(result.units, framework)) {
    const maxima = rows.maxima(g);
    const pending = ws.row(r++, maxima.values, maxima.styles, maxima.height);
    if (pending) await pending;
    for (const u of orderInGroup(result.units.filter((x) => x.group === g.id))) {
      const d = details.get(u.code ?? u.unit);
      if (!d) continue;
      const row = rows.unit(d, g);
      const written = ws.row(r++, row.values, row.styles, row.height);
      if (written) await written;
    }
  }
  r++;
  const noteStyle = wb.styles.id('detail-note', () => ({
    font: { name: FONT, size: DETAIL_SIZE, italic: true },
    alignment: { wrap: true, vertical: 'top' },
  }));
  for (const text of NOTES) {
    const height = fittedRowHeight([
      { text, widthChars: codeWidth + nameWidth, sizePt: DETAIL_SIZE, style: { italic: true } },
    ]);
    // Merged over the code and name columns; the second cell takes the first one's style.
    await ws.row(r, [text], [noteStyle, noteStyle], height);
    ws.merge(r, 1, 2);
    r++;
  }
  await wb.endSheet(
    printSetup({ lastPrintedColumn: groupCol - 1, lastRow: r - 1, titleRows: [1, 2], titleColumns: 'A:B' }),
  );
}
