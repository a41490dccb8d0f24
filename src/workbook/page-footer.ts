/**
 * The font of a template's cells and of its printed page footers. A footer without a font code
 * prints in the spreadsheet's default footer font at 11 pt, then shrinks with the sheet's
 * fit-to-width scale (about 79 % for `Chấm điểm` on A4 landscape): 8.7 pt as printed, under the
 * 9 pt floor of what offices sign (issue 12), while the 12 pt cells print at 9.5 pt.
 */
export const TEMPLATE_FONT = { name: 'Times New Roman', size: 12 } as const;

/**
 * Excel header/footer codes for the sections of a unit's footer: its name on the left, "Trang x / y"
 * on the right, each in the cells' font and size. The size code comes BEFORE the font code: a size
 * code followed by text that starts with a digit ("&12" + "1 …") would read as a larger size,
 * whereas the font code ends at its closing quote. `&` in the name is doubled (a literal ampersand).
 */
export function unitPageFooter(unitName: string): string {
  const font = `&${TEMPLATE_FONT.size}&"${TEMPLATE_FONT.name},Regular"`;
  return `&L${font}${unitName.replace(/&/g, '&&')}&R${font}Trang &P / &N`;
}
