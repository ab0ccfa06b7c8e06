import { type CampaignProgress, parseProgress } from '../round/campaign/progress';
import { CAMPAIGN_KEY } from './newcomer';
import { readText, storeText } from './storage';

/** The campaign's progress in this browser. */
export const loadProgress = (): CampaignProgress => parseProgress(readText(CAMPAIGN_KEY));

export const keepProgress = (progress: CampaignProgress): boolean => storeText(CAMPAIGN_KEY, JSON.stringify(progress));
