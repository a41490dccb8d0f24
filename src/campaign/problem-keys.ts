/**
 * The campaign's own reason keys (who may write what, stages, which campaign a file belongs to),
 * one typed catalogue like the other layers' (consolidation/problem-keys.ts): no key is built at
 * run time, so a reason the pane or a script looks up always exists.
 */
export const CAMPAIGN_PROBLEM_KEYS = [
  'campaign.otherFramework',
  'campaign.otherCampaign',
  'campaign.unknownUnit',
  'campaign.unknownKind',
  'trust.authCode',
  'trust.notCurrentIssue',
  'trust.unitWroteCouncilCell',
  'trust.rejectedWhole',
  'trust.tampering',
  'trust.selfScoreChanged',
  'trust.lockedCellChanged',
  'trust.campaignWorkbook',
  'stage.closed',
  'stage.late',
] as const;
export type CampaignProblemKey = (typeof CAMPAIGN_PROBLEM_KEYS)[number];
