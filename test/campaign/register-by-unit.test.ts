/**
 * registerByUnit: asking a question of a unit's part of the register gives the same answer as
 * asking it of the whole register (property test over registers of mixed codes — "STP", "stp",
 * full-width "ＳＴＰ" — stages, statuses, issues and reopenings). campaignStatus relies on it.
 */
import fc from 'fast-check';
import {
  acceptedReceipt,
  currentIssue,
  deadlineFor,
  FILE_STAGES,
  registerByUnit,
  stageClosedBy,
} from '../../src/campaign/state';
import { receiptStatusSchema, type Register } from '../../src/campaign/register';

const CODES = ['SNV', 'snv', ' ＳＮＶ', 'STP', 'CD', 'LAI'];
const STAGE = fc.constantFrom(...FILE_STAGES);
const CODE = fc.constantFrom(...CODES);
const TIME = fc
  .integer({ min: 0, max: 40 })
  .map((d) => new Date(Date.UTC(2026, 2, 1) + d * 86_400_000).toISOString());

const receipt = fc.record({
  unit: fc.option(CODE, { nil: null }),
  stage: fc.option(STAGE, { nil: null }),
  status: fc.constantFrom(...receiptStatusSchema.options),
  receivedAt: TIME,
});
const issued = fc.record({ unit: CODE, stage: STAGE, issuedAt: TIME, superseded: fc.boolean() });
const reopening = fc.record({ unit: CODE, stage: STAGE, at: TIME, until: fc.option(TIME, { nil: null }) });

/** What an arbitrary generates (fc.RecordValue takes the record's model, not its arbitrary). */
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

function registerOf(parts: {
  receipts: Generated<typeof receipt>[];
  issued: Generated<typeof issued>[];
  reopenings: Generated<typeof reopening>[];
}): Register {
  return {
    units: [],
    deadlines: [{ stage: 'chot-tu-cham', date: '2026-03-10' }],
    changes: [],
    receipts: parts.receipts.map((r, i) => ({
      ...r,
      seq: i + 1,
      sha256: String(i),
      file: `f${i}.xlsx`,
      size: 1,
      fileTime: null,
      round: null,
      reasons: [],
      late: false,
      storedAs: null,
      scores: null,
      decision: null,
    })),
    issued: parts.issued.map((x, i) => ({
      ...x,
      round: 1,
      file: `p${i}.xlsx`,
      sourceSha256: null,
      authCode: '',
    })),
    reopenings: parts.reopenings.map((x) => ({ ...x, reason: 'lý do' })),
  } as unknown as Register;
}

describe('registerByUnit', () => {
  it('answers every question of a unit as the whole register does', () => {
    fc.assert(
      fc.property(
        fc.array(receipt, { maxLength: 25 }),
        fc.array(issued, { maxLength: 12 }),
        fc.array(reopening, { maxLength: 6 }),
        (receipts, iss, reopenings) => {
          const register = registerOf({ receipts, issued: iss, reopenings });
          const partOf = registerByUnit(register);
          for (const code of CODES) {
            const part = partOf(code);
            for (const stage of FILE_STAGES) {
              expect(acceptedReceipt(part, code, stage)).toBe(acceptedReceipt(register, code, stage));
              expect(currentIssue(part, code, stage)).toBe(currentIssue(register, code, stage));
              expect(deadlineFor(part, code, stage)).toBe(deadlineFor(register, code, stage));
              expect(stageClosedBy(part, code, stage)).toBe(stageClosedBy(register, code, stage));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
