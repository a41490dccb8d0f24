/** Prints one benchmark figure as a JSON line (the contract of `npm run bench`). */
export function emit(bench: string, value: number, unit: string, loadAvg?: number): void {
  const load = loadAvg === undefined ? {} : { loadAvg: Number(loadAvg.toFixed(2)) };
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(3)), unit, ...load })}\n`);
}
