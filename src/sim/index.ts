/** The headless simulator: pure and deterministic. Time arrives as an argument. */
export { builtInScenarios, defaultScenarioId } from '../content/scenarios';
export * from './clock';
export {
  COMMAND_TYPES,
  type Command,
  type CommandResult,
  type CommandType,
  checkCommand,
  commandRegistry,
  incidentShortcut,
  stepShortcut,
} from './commands';
export { MITIGATION_KEYS } from './commands/mitigate';
export { compareWithReplay, Replay, type SilentReport, type SilentSuccess, silentSuccesses } from './counterfactual';
export type { SimEvent, SimEventType } from './events';
export { type GameFlowEvent, type GamePhase, gameFlowMachine } from './machines/gameFlowMachine';
export { INCIDENT_PHASES, type IncidentSignal, incidentMachine } from './machines/incidentMachine';
export { RETRO_STEPS, type RetroSignal, retroMachine } from './machines/retroMachine';
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
export { type Outcome, type RoundOutcome, roundOutcome } from './outcome';
export { type IncidentSeen, type NearMissSeen, type PlayerView, playerEyes, playerView } from './playerView';
export { policies, policyDescriptions } from './policies';
export { plansFor } from './rules/actionItems';
export { STEP_KEYS, STEP_LABELS } from './rules/clueSignatures';
export { candidateClasses, type DiagnosisHint, diagnosisHint } from './rules/clues';
export { isGuarded } from './rules/effects';
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
export { announcedPeak, loadOf, peakNotice } from './rules/pressure';
export { surfacedFactors } from './rules/retro';
export { retroCan } from './rules/retroLife';
export { conditionRisk, serviceRisk } from './rules/risk';
export { activeRotation, onCall, pagerTeams, teamSites } from './rules/rotation';
export { scoreCard } from './rules/scoring';
export { onCallShares, type RotationWarning, rotationWarnings } from './rules/staffing';
export { type PlayedRound, playRound, runRound } from './runRound';
export { clip, MAX_SAVE_CHARS, MAX_SCENARIO_CHARS } from './scenario/limits';
export type { Scenario, ScenarioFile } from './scenario/schema';
export { parseScenarioText, type ScenarioProblem, validateScenario } from './scenario/validate';
export {
  createSimulation,
  createSimulationFromState,
  type Policy,
  type Simulation,
  type Snapshot,
  stateHash,
} from './simulation';
export { isWorldInput, POLICY_EVERY_MINUTES, type TimedInput, Timeline } from './timeline';
export { tuning } from './tuning';
