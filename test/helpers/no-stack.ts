/** Node's own traces and the catch-all message: what must never reach a user on stderr. */
export function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/node:internal|^\s+at /m);
  expect(stderr).not.toMatch(/lỗi không mong đợi/);
}
