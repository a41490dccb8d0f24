/**
 * Live checking: `onChanged` on the `Chấm điểm` sheet → the callback, debounced so a paste of 50
 * cells or fast typing triggers one re-validation. The adapter's own writes (survey points) are
 * ignored: by the event's origin where ExcelApi 1.14 provides it, otherwise by matching the
 * addresses the adapter noted before writing. Registering costs one sync.
 */
import { SHEET_SCORE } from '../workbook/layout';
import { ExcelAdapterError, translated } from './errors';
import { type ExcelHost, FEATURE_SETS, officeHost, supportsExcelApi } from './host';
import { consumeOwnWrite } from './own-writes';

export interface WatchOptions {
  /** Quiet time before the callback runs; default 400 ms. */
  debounceMs?: number;
}

export interface ScoreSheetWatch {
  /** Stops listening (one sync). */
  stop(): Promise<void>;
}

interface ChangedArgs {
  address: string;
  worksheetId: string;
  triggerSource?: string;
}

/** Calls `onChange(addresses)` after the user edits `Chấm điểm` (addresses collected while debouncing). */
export async function watchScoreSheet(
  onChange: (addresses: string[]) => void | Promise<void>,
  options: WatchOptions = {},
  host: ExcelHost = officeHost(),
): Promise<ScoreSheetWatch> {
  if (!supportsExcelApi(host, FEATURE_SETS.liveCheck)) {
    throw new ExcelAdapterError(
      'unsupported',
      `Excel này chưa báo được thay đổi cho phần bổ trợ (cần ExcelApi ${FEATURE_SETS.liveCheck}): sau khi sửa, bấm "Kiểm tra lại".`,
    );
  }
  const delay = options.debounceMs ?? 400;
  const useOrigin = supportsExcelApi(host, FEATURE_SETS.eventOrigin);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string[] = [];
  let stopped = false;

  const handler = async (event: ChangedArgs): Promise<void> => {
    if (stopped) return;
    const own = useOrigin
      ? event.triggerSource === 'ThisLocalAddin'
      : consumeOwnWrite(event.worksheetId, event.address);
    if (own) return;
    pending.push(event.address);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const addresses = pending;
      pending = [];
      if (!stopped) void onChange(addresses);
    }, delay);
  };

  const registration = await translated('Theo dõi thay đổi', () =>
    host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET_SCORE);
      await context.sync();
      if (sheet.isNullObject) {
        throw new ExcelAdapterError(
          'notTemplate',
          `Sổ làm việc đang mở không có trang "${SHEET_SCORE}" để theo dõi.`,
        );
      }
      const result = sheet.onChanged.add(
        handler as unknown as (args: Excel.WorksheetChangedEventArgs) => Promise<void>,
      );
      await context.sync();
      return result;
    }),
  );

  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await translated('Dừng theo dõi', () =>
        host.runWith(registration.context as Excel.RequestContext, async (context) => {
          registration.remove();
          await context.sync();
        }),
      );
    },
  };
}
