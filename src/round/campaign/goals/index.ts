import type { LevelId } from '../../../content/campaign';
import type { GoalVerdict, PlayedLevel } from '../played';
import { blastRadiusGoal } from './blastRadius';
import { coldCacheGoal } from './coldCache';
import { deadCodeGoal } from './deadCode';
import { globalDeployGoal } from './globalDeploy';
import { ownToolsGoal } from './ownTools';
import { statusPageGoal } from './statusPage';
import { untestedBackupsGoal } from './untestedBackups';
import { youBuildItGoal } from './youBuildIt';

/** Each level's goal, judged from the world at its end and the round's input log. */
export const LEVEL_GOALS: Record<LevelId, (level: PlayedLevel) => GoalVerdict> = {
  'untested-backups': untestedBackupsGoal,
  'blast-radius': blastRadiusGoal,
  'global-deploy': globalDeployGoal,
  'dead-code': deadCodeGoal,
  'own-tools': ownToolsGoal,
  'cold-cache': coldCacheGoal,
  'you-build-it': youBuildItGoal,
  'status-page': statusPageGoal,
};
