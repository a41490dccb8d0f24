/**
 * Dates and times as Vietnamese offices write them, in Vietnam's time zone. One module for every
 * place a person reads a date (sheets, reports, documents): a run at 18:56 UTC on 1 December is
 * "02/12/2026, 01 giờ 56" in An Giang, never "01/12/2026 18:56 (UTC)".
 *
 * Intl with an explicit timeZone works the same in Node and in the add-in's browser, whatever the
 * machine's own zone is.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall-clock parts in Vietnam of an instant, or null when `iso` is not a date. */
export function vietnamParts(iso: string | Date): Parts | null {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const p of FORMAT.formatToParts(date)) parts[p.type] = p.value;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute };
}

/**
 * Year, month, day of a value: a calendar date ("2021-10-14", a decision date) is taken as it is
 * (no time zone moves it); an instant ("2026-12-01T18:56:00Z") is read in Vietnam's time.
 */
function calendarParts(value: string | Date): Pick<Parts, 'year' | 'month' | 'day'> | null {
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value.trim());
    if (m) return { year: m[1], month: m[2], day: m[3] };
  }
  return vietnamParts(value);
}

/** "2021-10-14" → "14/10/2021"; an instant → its date in Vietnam. Text that is no date stays as is. */
export function viDate(value: string | Date): string {
  const p = calendarParts(value);
  return p ? `${p.day}/${p.month}/${p.year}` : String(value);
}

/** "2026-12-01T18:56:00.000Z" → "02/12/2026, 01 giờ 56" (Vietnam's time). */
export function viDateTime(value: string | Date): string {
  const p = vietnamParts(value);
  return p ? `${p.day}/${p.month}/${p.year}, ${p.hour} giờ ${p.minute}` : String(value);
}

/**
 * The place-and-date line of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * "An Giang, ngày 02 tháng 12 năm 2026". Days below 10 and the months 1 and 2 take a leading zero
 * ("ngày 05 tháng 3", "ngày 14 tháng 01"), the other months do not.
 */
export function viPlaceDate(place: string, value: string | Date): string {
  const p = calendarParts(value);
  if (!p) return `${place}, ngày … tháng … năm …`;
  const month = Number(p.month);
  const monthText = month <= 2 ? p.month : String(month);
  return `${place}, ngày ${p.day} tháng ${monthText} năm ${p.year}`;
}

/** The calendar date in Vietnam of an instant, as ISO "2026-12-02" (for deadlines and file names). */
export function vietnamIsoDate(value: string | Date): string | null {
  const p = calendarParts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : null;
}
