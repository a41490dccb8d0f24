/**
 * `cchc demo` (what `npm run demo` runs): a whole campaign on the illustrative two-level 2025
 * framework, through the real `cchc campaign` commands. The planted cases must come out as the
 * README says, and the register must say the same as the printed table.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { DEMO_CASES } from '../../src/cli/commands/demo-campaign';
import { parseRegister, type Register } from '../../src/campaign';

describe('cchc demo (whole campaign on minh-hoa-2025)', () => {
  let root: string;
  let code: number;
  let register: Register;
  const out = { stdout: '', stderr: '' };

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'cchc-demo-campaign-'));
    process.env.CCHC_LIBRARY = join(root, 'thu-vien');
    const io: CliIO = {
      stdout: (t) => void (out.stdout += t),
      stderr: (t) => void (out.stderr += t),
      isTTY: false,
      cwd: root,
    };
    code = await main(['demo', '--out', 'demo'], io);
    const path = join(root, 'demo', 'dot-2025', 'so-theo-doi.json');
    const parsed = parseRegister(await fs.readFile(path, 'utf8'), path);
    if (!parsed.ok) throw new Error(parsed.message);
    register = parsed.register;
  }, 240_000);

  afterAll(async () => {
    delete process.env.CCHC_LIBRARY;
    await fs.rm(root, { recursive: true, force: true });
  });

  const row = (unit: string) => out.stdout.split('\n').find((l) => l.startsWith(`${unit} `)) ?? '';
  const receipts = (unit: string | null, stage: string) =>
    register.receipts.filter((r) => r.unit === unit && r.stage === stage);

  it('runs every step and prints the steps with Vietnamese dates (Asia/Ho_Chi_Minh)', () => {
    expect(code).toBe(0);
    expect(out.stderr).toContain(
      '[20/11/2025, 09 giờ 00] cchc campaign init dot-2025 --framework minh-hoa-2025',
    );
    expect(out.stderr).toContain('[17/12/2025, 10 giờ 00] cchc campaign receive hop-thu/tu-cham-muon');
    expect(out.stdout).toContain('nhận lúc 17/12/2025, 10 giờ 00, hạn tự chấm là hết ngày 15/12/2025');
  });

  it('rejects the return with unit-typed appraisal whole, and uses none of it', () => {
    const [r] = receipts(DEMO_CASES.selfAppraised, 'tu-cham');
    expect(r.status).toBe('rejected');
    expect(r.scores).toBeNull();
    expect(r.reasons.map((x) => x.rule)).toContain('trust.unitWroteCouncilCell');
    expect(r.reasons.map((x) => x.rule)).toContain('trust.rejectedWhole');
    expect(row(DEMO_CASES.selfAppraised)).toMatch(/│ BỊ TỪ CHỐI \(1\)/);
    expect(out.stdout).not.toMatch(new RegExp(`^\\d+\\s+${DEMO_CASES.selfAppraised}\\s`, 'm'));
  });

  it('registers the duplicate once, the broken file as unreadable (its unit missing after the deadline)', () => {
    expect(receipts(DEMO_CASES.duplicate, 'tu-cham').map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    const broken = register.receipts.filter((r) => r.file.includes(`${DEMO_CASES.broken}-tu-cham`));
    expect(broken.map((r) => [r.status, r.unit])).toEqual([['unreadable', null]]);
    expect(row(DEMO_CASES.broken)).toMatch(/│ THIẾU \(quá hạn\)/);
  });

  it('flags the late return, counts it only after the explicit accept-late', () => {
    const [r] = receipts(DEMO_CASES.late, 'tu-cham');
    expect([r.status, r.late, r.decision?.by]).toEqual(['accepted', true, 'Sở Nội vụ']);
    expect(row(DEMO_CASES.late)).toContain('đã nhận (nộp muộn, đã chấp nhận)');
    // The line printed after accept-late states the decision, not the waiting it replaced.
    const decided = out.stdout
      .split(/\n(?=#)/)
      .find((b) => b.startsWith(`#${r.seq} `) && b.includes('CHẤP NHẬN'));
    expect(decided).toMatch(/Sở đã chấp nhận lúc \d{2}\/\d{2}\/\d{4}, \d{2} giờ \d{2}/);
    expect(decided).not.toContain('chờ Sở quyết định');
  });

  it('makes round 2 without giải trình for the unit that sent none, once its deadline passed', () => {
    const round2 = register.issued.find((i) => i.unit === DEMO_CASES.noResponse && i.stage === 'tham-dinh-2');
    const round1 = receipts(DEMO_CASES.noResponse, 'tham-dinh-1').find((r) => r.status === 'accepted');
    expect(round2?.withoutSource).toBe(true);
    expect(round2?.sourceSha256).toBe(round1?.sha256);
    expect(row(DEMO_CASES.noResponse)).toMatch(/│ đã nhận\s+│ THIẾU \(quá hạn\)\s+│ đã nhận/);
    const others = register.issued.filter(
      (i) => i.stage === 'tham-dinh-2' && i.unit !== DEMO_CASES.noResponse,
    );
    expect(others.length).toBeGreaterThan(5);
    expect(others.every((i) => !i.withoutSource)).toBe(true);
  });

  it("records the council's deduction and bonus of round 2 and ranks with them", () => {
    const { unit, leaf, value } = DEMO_CASES.deduction;
    const change = register.changes.find((c) => c.unit === unit && c.leaf === leaf);
    expect(change).toMatchObject({ stage: 'cong-tru', who: 'Hội đồng thẩm định lần 2', new: value });
    expect(
      register.changes.some((c) => c.unit === DEMO_CASES.bonus.unit && c.new === DEMO_CASES.bonus.value),
    ).toBe(true);
    for (const g of ['SỞ, BAN, NGÀNH', 'UBND PHƯỜNG', 'UBND XÃ, ĐẶC KHU']) expect(out.stdout).toContain(g);
    expect(out.stdout).toMatch(/^1\s+SNV\s+Sở Nội vụ\s+\d+,\d\d\s+\d+,\d\d\s+\d+,\d\d/m);
  });

  it('leaves a register view for staff and the ranking files', async () => {
    const names = await fs.readdir(join(root, 'demo', 'dot-2025'));
    expect(names).toEqual(expect.arrayContaining(['so-theo-doi.json', 'so-theo-doi.xlsx', 'ket-qua']));
    const results = await fs.readdir(join(root, 'demo', 'dot-2025', 'ket-qua'));
    expect(results.sort()).toEqual(['bao-cao.html', 'van-ban', 'xep-hang.xlsx']);
    // The Word documents: three kinds for each of the 12 units with an accepted return, and the appendix.
    const docs = join(root, 'demo', 'dot-2025', 'ket-qua', 'van-ban');
    expect((await fs.readdir(docs)).sort()).toEqual([
      'bao-cao-tu-danh-gia',
      'ket-qua-tham-dinh-lan-1',
      'ket-qua-tham-dinh-lan-2',
      'phu-luc-xep-hang.docx',
    ]);
    expect(await fs.readdir(join(docs, 'bao-cao-tu-danh-gia'))).toContain('STP - Sở Tư pháp.docx');
  });
});
