/**
 * `cchc campaign …`: the assessment campaign (đợt đánh giá) in a folder — init, issue, receive,
 * status, appraise, respond, survey, rank, documents, accept-late / refuse-late, reopen. Argument parsing and
 * terminal output only: the work is in src/usecases/campaign, the rules in src/campaign.
 *
 * Exit codes (every sub-command): 0 done; 1 done, but something was refused (a file rejected,
 * late or unreadable, a unit that could not be issued, nothing to rank); 2 bad usage or not a
 * campaign folder; 3 unexpected failure.
 *
 * One module per sub-command in ./campaign/ (what they share in ./campaign/shared.ts); this file
 * only lists them, in the order `cchc --help` shows them (src/cli/main.ts dispatches by name).
 */
import { STAGE_IDS } from '../../campaign';
import type { Command } from '../command';
import { campaignAppraiseCommand } from './campaign/appraise';
import { campaignDocumentsCommand } from './campaign/documents';
import { campaignInitCommand } from './campaign/init';
import { campaignIssueCommand } from './campaign/issue';
import { lateCommand } from './campaign/late';
import { campaignRankCommand } from './campaign/rank';
import { campaignReceiveCommand } from './campaign/receive';
import { campaignReopenCommand } from './campaign/reopen';
import { campaignRespondCommand } from './campaign/respond';
import { campaignStatusCommand } from './campaign/status';
import { campaignSurveyCommand } from './campaign/survey';

export {
  campaignAppraiseCommand,
  campaignDocumentsCommand,
  campaignInitCommand,
  campaignIssueCommand,
  campaignRankCommand,
  campaignReceiveCommand,
  campaignReopenCommand,
  campaignRespondCommand,
  campaignStatusCommand,
  campaignSurveyCommand,
};

export const campaignCommands: Command[] = [
  campaignInitCommand,
  campaignIssueCommand,
  campaignReceiveCommand,
  campaignStatusCommand,
  campaignAppraiseCommand,
  campaignRespondCommand,
  campaignSurveyCommand,
  campaignRankCommand,
  campaignDocumentsCommand,
  lateCommand(true),
  lateCommand(false),
  campaignReopenCommand,
];

export { STAGE_IDS };
