/**
 * Display of points and indices: Vietnamese style, 2 decimals, decimal comma ("94,89"). The
 * engine already returns values rounded in exact hundredths; this only renders them.
 */
import { formatVi } from '../scoring';

export function points(value: number | null | undefined, locale: 'vi' | 'en' = 'vi'): string {
  if (value === null || value === undefined) return '—';
  return locale === 'vi' ? formatVi(value) : value.toFixed(2);
}
