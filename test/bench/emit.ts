/** Prints one benchmark figure as a JSON line (the contract of `npm run bench`). */
export function emit(bench: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench, value: Number(value.toFixed(3)), unit })}\n`);
}
