/**
 * A use case's refusal of its whole input (not of one file among many): a Vietnamese sentence
 * naming the file, with no front-end words in it. The CLI prints it and exits 2; the pane shows it.
 */
export class UsecaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsecaseError';
  }
}
