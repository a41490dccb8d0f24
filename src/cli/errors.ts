/**
 * A user-facing failure: the CLI prints its Vietnamese message (never a stack trace) and exits
 * with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
