/**
 * Every `cchc` sub-command. Each lives in its own module under ./commands; add a line here.
 */
import type { Command } from './command';
import { campaignCommands } from './commands/campaign';
import { consolidateCommand } from './commands/consolidate';
import { demoCommand } from './commands/demo';
import { frameworkCheckCommand } from './commands/framework-check';
import { frameworkImportCommand } from './commands/framework-import';
import { frameworksCommand } from './commands/frameworks';
import { rankCommand } from './commands/rank';
import { templateCommand } from './commands/template';
import { validateCommand } from './commands/validate';

export const commands: Command[] = [
  frameworksCommand,
  frameworkCheckCommand,
  frameworkImportCommand,
  templateCommand,
  validateCommand,
  consolidateCommand,
  rankCommand,
  ...campaignCommands,
  demoCommand,
];
