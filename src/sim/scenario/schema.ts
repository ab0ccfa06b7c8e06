import '../zodConfig';
import { z } from 'zod';
import { CONDITION_KINDS } from '../model/types';
import { isReservedName } from './limits';
import { SCENARIO_VERSION } from './migrations';

const notReserved = (name: string) => !isReservedName(name);
const reservedMessage = {
  error: (issue: { input: unknown }) =>
    `"${String(issue.input)}" is a reserved name (every object has it); choose another`,
};

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')
  .refine(notReserved, reservedMessage);
const label = z.string().trim().min(1).max(40);
/** A label that is also looked up by name, like a site. */
const key = label.refine(notReserved, reservedMessage);
const unit = z.number().min(0).max(1);

export const conditionSchema = z.object({
  kind: z.enum(CONDITION_KINDS).describe('The class of weakness: what kind of failure it can become.'),
  strength: unit.default(1).describe('0..1: how strongly it is there; scales how often it fires.'),
});

export const serviceSchema = z.object({
  id,
  name: label,
  team: id.describe('The id of the team that owns it.'),
  dependsOn: z
    .array(id)
    .max(12)
    .default([])
    .describe('Ids of the services it needs: when one of them burns, the fire spreads here.'),
  customerWeight: unit.describe('0..1: how much customers feel an outage of it.'),
  load: unit.default(0.5).describe('0..1: how busy it is; busier services fail more often.'),
  observability: unit
    .default(0.5)
    .describe('0..1: how quickly an outage is seen, and whether by an alert or by customers.'),
  runbook: unit.default(0.4).describe('0..1: how good its runbook is; good runbooks speed the diagnosis.'),
  conditions: z
    .array(conditionSchema)
    .max(12)
    .default([])
    .describe('Latent conditions: the weaknesses it already has.'),
});

export const engineerSchema = z.object({
  id,
  name: label,
  /** Where this person works, when it differs from the team's site. */
  site: key.optional().describe('Where this person works, when it differs from the team’s site.'),
  knowledge: z.record(id, unit).default({}).describe('0..1 per service id: how well they can handle it when it burns.'),
});

export const teamSchema = z.object({
  id,
  name: label,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #ff8800')
    .describe('The team’s colour on the map.'),
  kind: z
    .enum(['dev', 'ops', 'sre'])
    .default('dev')
    .describe('A product team (dev), an ops team or an SRE team: ownership models decide pagers by it.'),
  site: key.default('HQ').describe('The team’s site; one of `sites` when sites are listed.'),
  members: z.array(engineerSchema).min(1).max(20).describe('One to twenty people.'),
});

export const siteSchema = z.object({
  id: key,
  /** Hours ahead of (or behind, negative) the first site, which keeps the game clock. */
  utcOffset: z.number().int().min(-12).max(14).describe('Hours ahead of the first site (negative: behind).'),
});

/** An outage from before the round: it was only restarted, so it may come back, and its retro is still owed. */
export const priorIncidentSchema = z.object({
  service: id,
  kind: z.enum(CONDITION_KINDS),
  /** How many days before the round began it happened, 1..6. */
  daysAgo: z.number().int().min(1).max(6).default(2),
});

/** A fire the scenario sets at a chosen moment: a scripted game day. */
export const scheduledFireSchema = z.object({
  day: z.number().int().min(1).max(182).describe('The day of the round it starts on, from 1 (the first Monday).'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like "14:30"')
    .describe('The time it starts, HH:MM, at the first site.'),
  service: id,
  kind: z
    .enum(CONDITION_KINDS)
    .describe(
      'Which of the service’s own weaknesses gives way (one of its `conditions`); players are not told, they have to find out.',
    ),
});

/** A known big moment — a launch, a sale: load on its services rises for a while, and the game says so ahead. */
export const peakSchema = z.object({
  name: label.describe('What it is, as the players are told: "Black Friday sale", "Launch".'),
  day: z.number().int().min(1).max(182).describe('The day of the round it starts on, from 1 (the first Monday).'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day like "09:00"')
    .default('08:00')
    .describe('The time it starts, HH:MM, at the first site.'),
  days: z.number().int().min(1).max(14).default(1).describe('How many days it lasts.'),
  services: z.array(id).min(1).max(12).describe('Ids of the services whose load rises.'),
  load: z
    .number()
    .min(1, 'a peak raises load: use a multiplier of at least 1')
    .max(5, 'at most ×5')
    .describe('The load multiplier during the peak, like 1.8.'),
  announceDays: z.number().int().min(0).max(14).default(3).describe('How many days ahead the players are told.'),
});

export const scenarioSchema = z.object({
  /** Where an editor finds the JSON Schema of this file, for checks and completion; the game ignores it. */
  $schema: z.string().max(300).optional(),
  schemaVersion: z
    .literal(SCENARIO_VERSION)
    .describe(`The version of this file format: ${SCENARIO_VERSION}. Older versions are still read.`),
  id: id.describe('A short id: lower-case letters, digits and dashes. Share links name it.'),
  name: label.describe('Shown in the menu and on every report.'),
  description: z.string().max(600).default('').describe('One or two sentences for the menu.'),
  ownership: z
    .enum(['ops-team', 'you-build-it', 'hybrid'])
    .default('you-build-it')
    .describe('Who carries the pager at the start; players can change it on the staffing screen.'),
  weeks: z.number().int().min(1).max(26).default(4).describe('The round length offered first.'),
  sites: z
    .array(siteSchema)
    .max(6)
    .default([])
    .describe('Sites and their hours; a team spread over two or more sites follows the sun.'),
  teams: z.array(teamSchema).min(1).max(8).describe('One to eight teams.'),
  services: z.array(serviceSchema).min(1).max(24).describe('One to twenty-four services, without dependency cycles.'),
  names: z.array(label).max(200).default([]).describe('Names for people hired to replace those who burn out.'),
  history: z
    .array(priorIncidentSchema)
    .max(6)
    .default([])
    .describe("Last week's outages: each was only restarted, so it may come back, and its retro is still owed."),
  fires: z
    .array(scheduledFireSchema)
    .max(50)
    .default([])
    .describe('Scheduled fires for a scripted game day; both timelines face them at the same minute.'),
  peaks: z
    .array(peakSchema)
    .max(20)
    .default([])
    .describe('Known big moments (launches, sales): load rises on their services, announced ahead.'),
});

export type PeakFile = z.output<typeof peakSchema>;

export type ScheduledFire = z.output<typeof scheduledFireSchema>;
export type ScenarioFile = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
