/**
 * A framework that cannot be used: unreadable JSON, a shape the schema refuses, or a tree that
 * fails the checks. The message is Vietnamese and names the file and the offending field or node,
 * so the CLI can print it as is (it turns it into a UserError) and the task pane can show it.
 */
export interface FrameworkProblem {
  /** The node code the problem is about, or "" for framework-level problems. */
  code: string;
  /** Stable key scripts and tests rely on, e.g. "max.sum". */
  rule: string;
  /** Vietnamese, for the user (messages.vi.ts, from `params`). */
  message: string;
  /** The facts the message says (`FrameworkParams` of its key), for the pane's other locale. */
  params?: object;
}

export class FrameworkError extends Error {
  constructor(
    message: string,
    readonly problems: FrameworkProblem[] = [],
  ) {
    super(message);
    this.name = 'FrameworkError';
  }
}
