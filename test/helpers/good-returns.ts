/**
 * Good returned workbooks under the built-in An Giang 2022 framework, made by the generator and
 * filled by the second writer (never hand-made binaries), for the CLI's hostile-input tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleScores, seedOf } from '../../src/consolidation/sample-scores';
import { getBuiltinFramework } from '../../src/framework/builtins';
import type { UnitRef } from '../../src/scoring/types';
import { renderTemplate } from '../../src/xlsx/render';
import { fillReturnedWorkbook } from '../../src/xlsx/sample-returns';
import { FIXED_TIME } from './template-fixtures';

export const AN_GIANG = getBuiltinFramework('an-giang-2022')!;

export const GOOD_UNITS: UnitRef[] = [
  { code: 'U0', name: 'Đơn vị số 1', group: 'so' },
  { code: 'U1', name: 'Đơn vị số 2', group: 'huyen' },
  { code: 'U2', name: 'Đơn vị số 3', group: 'so' },
];

/** One filled return per unit, in the order given. */
export async function goodReturns(units: UnitRef[] = GOOD_UNITS): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const unit of units) {
    const template = await renderTemplate(AN_GIANG, unit, { generatedAt: FIXED_TIME });
    out.push(
      await fillReturnedWorkbook(
        template,
        sampleScores(AN_GIANG, unit.group, seedOf(`good:${unit.code}`)) as never,
      ),
    );
  }
  return out;
}

/** The survey file for `units`, as organisers send it (";" separated, decimal commas). */
export function goodSurveyCsv(units: UnitRef[] = GOOD_UNITS): string {
  return [
    'Mã;Tên đơn vị;Tỷ lệ hài lòng SIPAS (%)',
    ...units.map((u, i) => `${u.code};${u.name};${80 + i},5`),
  ].join('\r\n');
}

/** Writes goodSurveyCsv(units) as `dieu-tra-xhh.csv` in `dir`; the arguments that name it. */
export function writeGoodSurvey(dir: string, units: UnitRef[] = GOOD_UNITS): string[] {
  writeFileSync(join(dir, 'dieu-tra-xhh.csv'), `\uFEFF${goodSurveyCsv(units)}\r\n`);
  return ['--survey', 'dieu-tra-xhh.csv'];
}
