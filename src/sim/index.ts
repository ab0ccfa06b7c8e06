/** The headless simulator: pure and deterministic. Time arrives as an argument. */
import './zodConfig';

export * from './clock';
export {
  COMMAND_TYPES,
  type Command,
  type CommandResult,
  type CommandType,
  checkCommand,
  commandRegistry,
  parseCommand,
  payloadProblem,
} from './commands';
export { compareWithReplay, Replay, type SilentReport, type SilentSuccess, silentSuccesses } from './counterfactual';
export type { SimEvent, SimEventType } from './events';
export {
  asGivenBy,
  CONTROLS,
  type Control,
  type Credit,
  creditProblem,
  entriesProblem,
  entryProblem,
  INPUT_SOURCES,
  type InputLog,
  type InputSource,
  isCommandEntry,
  isOutsideSource,
  LOG_VERSION,
  type LogEntry,
  OUTSIDE_SOURCES,
  PLAYER_NAME_MAX,
  recording,
} from './inputLog';
export { type LearningEvidence, learningEvidence } from './learned';
export { parseLogText, readLog, replayLog } from './logReplay';
export { type LossAccount, lossAccount, lossWhen, weeksPlayed } from './lossAccount';
export { INCIDENT_PHASES, type IncidentSignal, incidentMachine } from './machines/incidentMachine';
export { RETRO_STEPS, type RetroSignal, retroMachine } from './machines/retroMachine';
export { type Migrations, migrate } from './migrate';
export { createWorld } from './model/createWorld';
export type * from './model/types';
export {
  ACTION_TYPES,
  CONDITION_KINDS,
  INVESTIGATION_STEPS,
  INVESTMENT_KINDS,
  MITIGATIONS,
  ROLES,
} from './model/types';
export { activeMembers, allEvents as allEventsOf, busFactor, eventCount, eventsSince, localTime } from './model/world';
export {
  leadText,
  OUTCOME_TITLES,
  OUTCOMES,
  type Outcome,
  type OutcomeFacts,
  pointsText,
  type RoundOutcome,
  roundOutcome,
  type ScoreTerms,
  scoreTerms,
} from './outcome';
export { type IncidentSeen, type NearMissSeen, type PlayerView, playerEyes, playerView } from './playerView';
export { policies, policyDescriptions } from './policies';
export { isRealWeakness, type RealFix, realFixes } from './realFixes';
export { conditionWords, plansFor } from './rules/actionItems';
export { STEP_LABELS } from './rules/clueSignatures';
export { candidateClasses, type DiagnosisHint, diagnosisHint } from './rules/clues';
export { isGuarded } from './rules/effects';
export { workingRemedies } from './rules/incident';
export { incidentCan } from './rules/incidentLife';
export { stepMinutes } from './rules/investigation';
export {
  choiceOpen,
  chosenIn,
  investmentTerms,
  investmentTitle,
  OFFERS_PER_WEEK,
  offersFor,
  weekNumber,
} from './rules/investments';
export type { SignalOutcome } from './rules/machineReasons';
export { tutorialFire, weaknessesOf, weaknessFor, weaknessKinds } from './rules/outsideFire';
export { announcedPeak, loadOf, peakNotice, trustPercent } from './rules/pressure';
export { surfacedFactors } from './rules/retro';
export { retroCan } from './rules/retroLife';
export { conditionRisk, serviceRisk } from './rules/risk';
export { activeRotation, onCall, pagerTeams, teamSites } from './rules/rotation';
export { scoreCard } from './rules/scoring';
export { onCallShares, type RotationWarning, rotationWarnings } from './rules/staffing';
export { logOf, type PlayedRound, playRound, runRound } from './runRound';
export { scenarioJsonSchemaText } from './scenario/jsonSchema';
export {
  clip,
  isReservedName,
  MAX_DEPTH,
  MAX_SAVE_CHARS,
  MAX_SCENARIO_CHARS,
  stripBom,
  textDepthExceeds,
} from './scenario/limits';
export { scheduledFires } from './scenario/scheduledFires';
export type { Scenario, ScenarioFile } from './scenario/schema';
export { formatPath, parseScenarioText, type ScenarioProblem, validateScenario } from './scenario/validate';
export {
  createSimulation,
  createSimulationFromState,
  type Policy,
  type Simulation,
  type Snapshot,
  stateHash,
} from './simulation';
export { roundOver } from './step';
export { isWorldInput, POLICY_EVERY_MINUTES, type TimedInput, Timeline } from './timeline';
export { tuning } from './tuning';
