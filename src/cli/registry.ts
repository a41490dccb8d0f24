/**
 * Every `cchc` sub-command. Each lives in its own module under ./commands; add a line here.
 */
import type { Command } from './command';

export const commands: Command[] = [];
