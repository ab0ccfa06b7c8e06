import { z } from 'zod';
import {
  type ActionItem,
  CONDITION_KINDS,
  type EffectLedger,
  type Engineer,
  type Factor,
  INCIDENT_PHASES,
  INVESTIGATION_STEPS,
  INVESTMENT_KINDS,
  type Incident,
  type Investment,
  isReservedName,
  type LatentCondition,
  MINUTES_PER_WEEK,
  MITIGATIONS,
  type NearMiss,
  type Peak,
  RETRO_STEPS,
  type Retro,
  ROLES,
  type RoundLoss,
  type RoundStart,
  type Service,
  type SimState,
  type Team,
  type WeekStats,
} from '../../sim';

/** The shape of a saved world: every record an object of the right kind, every number finite and in range. */

const LONGEST = 26 * MINUTES_PER_WEEK;
const idText = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !isReservedName(s), 'a reserved name is not an id');
const text = z.string().max(2000);
const unit = z.number().min(0).max(1);
const count = z.number().min(0).max(1e12);
const amount = z.number().min(-1e12).max(1e12);
/** A minute of the round, with room for things scheduled just past its end. */
const minute = z
  .number()
  .min(-LONGEST)
  .max(2 * LONGEST);
const maybeMinute = minute.nullable();
const records = <T extends z.ZodType>(value: T) => z.record(idText, value);

const service = z.object({
  id: idText,
  name: text,
  team: idText,
  dependsOn: z.array(idText),
  customerWeight: unit,
  load: unit,
  observability: unit,
  runbook: unit,
  lastDeployAt: maybeMinute,
  lastTouchedAt: minute,
  featureProgress: amount,
  deploys: count,
  ownerFeedback: unit.optional(),
});

const condition = z.object({
  id: idText,
  service: idText,
  kind: z.enum(CONDITION_KINDS),
  strength: unit,
  revealed: z.boolean(),
  createdAt: minute,
  origin: z.enum(['scenario', 'deploy', 'push', 'injected']),
  fired: count,
  relapseUntil: maybeMinute.optional(),
  weakened: z
    .array(
      z.object({
        at: minute,
        by: z.enum(['item', 'retro']),
        id: idText,
        title: text,
        strengthBefore: unit,
        strengthAfter: unit,
      }),
    )
    .max(1000)
    .optional(),
});

const team = z.object({
  id: idText,
  name: text,
  color: text,
  kind: z.enum(['dev', 'ops', 'sre']),
  site: text,
  culture: unit,
  reliabilityShare: unit,
  shifts: count,
  shiftsOverBudget: count,
  hiringUntil: maybeMinute,
  lastDrillAt: maybeMinute,
  owedHours: amount,
  toilShare: unit,
  shiftPages: count,
});

const engineer = z.object({
  id: idText,
  name: text,
  team: idText,
  site: text,
  knowledge: records(unit),
  lastExposure: records(minute),
  fatigue: unit,
  morale: unit,
  trust: unit,
  practised: z.array(z.enum(ROLES)),
  status: z.enum(['active', 'left']),
  joinedAt: minute,
  leftAt: maybeMinute,
  pagesThisShift: count,
  busyUntil: minute,
  shadowing: idText.nullable(),
  incidentsHandled: count,
  heroCalls: count,
  pagesThisMonth: count.optional(),
  onCallHoursThisWeek: count.optional(),
  onCallWeeksInRow: count.optional(),
});

const incident = z.object({
  id: idText,
  service: idText,
  conditionId: idText,
  kind: z.enum(CONDITION_KINDS),
  sev: z.number().int().min(1).max(4),
  phase: z.enum(INCIDENT_PHASES as [(typeof INCIDENT_PHASES)[number], ...typeof INCIDENT_PHASES]),
  startedAt: minute,
  detectedAt: maybeMinute,
  detectedBy: z.enum(['alert', 'customer']).nullable(),
  detectAt: minute,
  detectVia: z.enum(['alert', 'customer']),
  pagedAt: maybeMinute,
  pagedTo: idText.nullable(),
  ackDueAt: maybeMinute,
  escalateAt: maybeMinute,
  ackAt: maybeMinute,
  mitigatedAt: maybeMinute,
  resolvedAt: maybeMinute,
  affected: z.array(idText),
  lastSpreadAt: minute,
  lastSevAt: minute,
  responders: z.array(idText),
  roles: z.partialRecord(z.enum(ROLES), idText),
  progress: unit,
  // Saves from before the investigation steps have neither: an incident then starts with no clues.
  clues: z
    .array(
      z.object({
        step: z.enum(INVESTIGATION_STEPS),
        by: idText,
        at: minute,
        text,
        consistentWith: z.array(z.enum(CONDITION_KINDS)).min(1).max(CONDITION_KINDS.length),
      }),
    )
    .max(1000)
    .default([]),
  inquiries: z
    .array(z.object({ step: z.enum(INVESTIGATION_STEPS), by: idText, startedAt: minute, doneAt: minute }))
    .max(100)
    .default([]),
  attempts: z.array(
    z.object({
      action: z.enum(MITIGATIONS),
      startedAt: minute,
      doneAt: minute,
      by: idText,
      outcome: z.enum(['pending', 'worked', 'wasted', 'worse']),
    }),
  ),
  recentDeploy: z.boolean(),
  expertCalled: z.boolean(),
  teamsPulled: z.array(idText),
  statusUpdates: count,
  lastStatusAt: maybeMinute,
  handoffs: z.array(z.object({ at: minute, from: idText, to: idText, acknowledged: z.boolean() })),
  customerMinutes: count,
  pagerTeam: idText,
  retroId: idText.nullable(),
  injected: z.boolean(),
  prior: z.boolean().optional(),
});

const factor = z.object({
  id: idText,
  key: text,
  conditionId: idText.nullable(),
  service: idText,
  text,
  depth: count,
  hidden: z.boolean(),
});

const retro = z.object({
  id: idText,
  incidentId: idText.nullable(),
  nearMissId: idText.nullable(),
  phase: z.enum(RETRO_STEPS as [(typeof RETRO_STEPS)[number], ...typeof RETRO_STEPS]),
  scheduledAt: minute,
  depth: z.enum(['quick', 'deep']).nullable(),
  facilitator: idText.nullable(),
  facilitatorInvolved: z.boolean(),
  framing: z.enum(['blameless', 'blame']).nullable(),
  blamed: idText.nullable(),
  factors: z.array(factor),
  actionItems: z.array(idText),
  shared: z.boolean(),
  costHours: count,
});

const actionItem = z.object({
  id: idText,
  retroId: idText.nullable(),
  factorId: idText.nullable(),
  factorKey: text,
  conditionId: idText.nullable(),
  service: idText,
  team: idText,
  type: z.enum(['prevent', 'mitigate', 'repair']),
  owner: idText,
  title: text,
  costDays: count,
  doneHours: count,
  status: z.enum(['open', 'closed', 'stale']),
  createdAt: minute,
  closedAt: maybeMinute,
  lastWorkedAt: minute,
});

const nearMiss = z.object({
  id: idText,
  conditionId: idText,
  service: idText,
  kind: z.enum(CONDITION_KINDS),
  at: minute,
  reported: z.boolean(),
  reviewed: z.boolean(),
});

const week = z.object({ incidents: count, pages: count, customerMinutes: count, downMinutes: count, learning: amount });

const effects = z.object({
  riskRemoved: amount,
  riskRevealed: amount,
  responseImproved: amount,
  /** Saves from before deliberate knowledge was counted start it at nothing. */
  knowledgeSpread: amount.default(0),
  pagesOverBudget: count,
  toilOverHalfHours: count,
  statusUpdatesHeard: count,
});

const totals = z
  .object({ factorsSurfaced: z.array(text), effects: effects.optional() })
  .catchall(z.union([amount, z.array(text), effects]))
  .refine(
    (t) => Object.entries(t).every(([k, v]) => k === 'effects' || Array.isArray(v) || Number.isFinite(v)),
    'totals must be numbers',
  );

const roundStart = z.object({
  meanTrust: unit,
  customerTrust: unit,
  busFactor: records(count),
  reach: records(amount).optional(),
});

const peak = z.object({
  name: text,
  services: z.array(idText).max(24),
  multiplier: z.number().min(1).max(5),
  from: minute,
  until: minute,
  announceAt: minute,
});

const investment = z.object({
  kind: z.enum(INVESTMENT_KINDS),
  service: idText,
  team: idText,
  costHours: count,
  week: z.number().int().min(1).max(26),
  offer: z.number().int().min(0).max(9),
  at: minute,
  arrived: z.boolean().optional(),
});

const roundLoss = z.object({ cause: z.enum(['trust', 'people']), at: minute, reason: text });

const event = z.looseObject({ at: minute, type: z.string().min(1).max(40) });

export const savedWorldSchema = z.object({
  schemaVersion: z.literal(1),
  seed: z.number().int().min(-2147483648).max(4294967295),
  scenarioId: idText,
  scenarioName: text,
  now: z.number().int().min(0),
  weeks: z.number().int().min(1).max(26),
  ownership: z.enum(['ops-team', 'you-build-it', 'hybrid']),
  services: records(service),
  serviceOrder: z.array(idText),
  conditions: records(condition),
  teams: records(team),
  teamOrder: z.array(idText),
  engineers: records(engineer),
  engineerOrder: z.array(idText),
  rotation: z.object({ byTeam: records(z.array(z.object({ primary: idText, secondary: idText }))) }),
  incidents: records(incident),
  incidentOrder: z.array(idText),
  retros: records(retro),
  actionItems: records(actionItem),
  nearMisses: records(nearMiss),
  customerTrust: unit,
  siteOffsets: records(z.number().min(-24).max(24)).optional(),
  streams: records(z.string().max(200)),
  nextId: count,
  log: z.array(z.array(event)),
  openIncidents: z.array(idText),
  weekly: z.array(week).max(27),
  totals,
  namePool: z.array(text),
  start: roundStart.optional(),
  delegated: z.boolean().optional(),
  /** Saves made before peaks, investments and lost rounds have none: optional. */
  peaks: z.array(peak).max(20).optional(),
  investments: z.array(investment).max(26).optional(),
  lost: roundLoss.nullable().optional(),
});

export const historySchema = z
  .array(
    z.object({
      day: count,
      learning: amount,
      nines: amount,
      incidents: count,
      replayIncidents: count,
      score: amount.optional(),
      par: amount.optional(),
    }),
  )
  .max(400);

/**
 * Each saved record names exactly the fields of its record in the world: a field added to the model and not
 * here (or here and not in the model) does not compile, and the message names the field.
 */
type SameFields<Model, Schema> = [Exclude<keyof Model, keyof Schema>, Exclude<keyof Schema, keyof Model>] extends [
  never,
  never,
]
  ? true
  : { missingFromTheSave: Exclude<keyof Model, keyof Schema>; notInTheWorld: Exclude<keyof Schema, keyof Model> };
type Saved<S extends z.ZodType> = z.output<S>;

const fieldsMatchTheWorld: {
  service: SameFields<Service, Saved<typeof service>>;
  condition: SameFields<LatentCondition, Saved<typeof condition>>;
  team: SameFields<Team, Saved<typeof team>>;
  engineer: SameFields<Engineer, Saved<typeof engineer>>;
  incident: SameFields<Incident, Saved<typeof incident>>;
  factor: SameFields<Factor, Saved<typeof factor>>;
  retro: SameFields<Retro, Saved<typeof retro>>;
  actionItem: SameFields<ActionItem, Saved<typeof actionItem>>;
  nearMiss: SameFields<NearMiss, Saved<typeof nearMiss>>;
  week: SameFields<WeekStats, Saved<typeof week>>;
  effects: SameFields<EffectLedger, Saved<typeof effects>>;
  roundStart: SameFields<RoundStart, Saved<typeof roundStart>>;
  peak: SameFields<Peak, Saved<typeof peak>>;
  investment: SameFields<Investment, Saved<typeof investment>>;
  roundLoss: SameFields<RoundLoss, Saved<typeof roundLoss>>;
  world: SameFields<SimState, Saved<typeof savedWorldSchema>>;
} = {
  service: true,
  condition: true,
  team: true,
  engineer: true,
  incident: true,
  factor: true,
  retro: true,
  actionItem: true,
  nearMiss: true,
  week: true,
  effects: true,
  roundStart: true,
  peak: true,
  investment: true,
  roundLoss: true,
  world: true,
};
void fieldsMatchTheWorld;
