/** The shape of one `cchc` sub-command. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  isTTY: boolean;
  cwd: string;
}

export interface Command {
  /** "template", or "framework import" for a two-word command. */
  name: string;
  /** One Vietnamese line for `cchc --help`. */
  summary: string;
  /** Full Vietnamese usage text for `cchc NAME --help`. */
  usage: string;
  /** Returns the exit code. Throws UserError for bad input. */
  run(argv: string[], io: CliIO): Promise<number>;
}
