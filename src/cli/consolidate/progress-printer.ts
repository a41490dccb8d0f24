/** Progress on a terminal: files read, rate and time left, redrawn at most five times a second. */
import type { CliIO } from '../command';

export function progressPrinter(io: CliIO, total: number) {
  let last = 0;
  return (p: { done: number; elapsedMs: number }) => {
    const now = Date.now();
    if (p.done < total && now - last < 200) return;
    last = now;
    const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
    const left = rate > 0 ? Math.ceil((total - p.done) / rate) : 0;
    io.stderr(
      `\rĐã đọc ${p.done}/${total} tệp · ${rate.toFixed(1).replace('.', ',')} tệp/giây · còn khoảng ${left} giây   ` +
        (p.done === total ? '\n' : ''),
    );
  };
}
