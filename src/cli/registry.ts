/**
 * Every `cchc` sub-command. Each lives in its own module under ./commands; add a line here.
 */
import type { Command } from './command';
import { frameworkCheckCommand } from './commands/framework-check';
import { frameworksCommand } from './commands/frameworks';

export const commands: Command[] = [frameworksCommand, frameworkCheckCommand];
