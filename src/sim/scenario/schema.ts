import '../zodConfig';
import { z } from 'zod';
import { CONDITION_KINDS } from '../model/types';

const id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const label = z.string().trim().min(1).max(40);
const unit = z.number().min(0).max(1);

export const conditionSchema = z.object({
  kind: z.enum(CONDITION_KINDS),
  strength: unit.default(1),
});

export const serviceSchema = z.object({
  id,
  name: label,
  team: id,
  dependsOn: z.array(id).max(12).default([]),
  customerWeight: unit,
  load: unit.default(0.5),
  observability: unit.default(0.5),
  runbook: unit.default(0.4),
  conditions: z.array(conditionSchema).max(12).default([]),
});

export const engineerSchema = z.object({
  id,
  name: label,
  /** Where this person works, when it differs from the team's site. */
  site: label.optional(),
  knowledge: z.record(id, unit).default({}),
});

export const teamSchema = z.object({
  id,
  name: label,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #ff8800'),
  kind: z.enum(['dev', 'ops', 'sre']).default('dev'),
  site: label.default('HQ'),
  members: z.array(engineerSchema).min(1).max(20),
});

export const siteSchema = z.object({
  id: label,
  /** Hours ahead of (or behind, negative) the first site, which keeps the game clock. */
  utcOffset: z.number().int().min(-12).max(14),
});

export const scenarioSchema = z.object({
  schemaVersion: z.literal(1),
  id,
  name: label,
  description: z.string().max(600).default(''),
  ownership: z.enum(['ops-team', 'you-build-it', 'hybrid']).default('you-build-it'),
  weeks: z.number().int().min(1).max(26).default(4),
  sites: z.array(siteSchema).max(6).default([]),
  teams: z.array(teamSchema).min(1).max(8),
  services: z.array(serviceSchema).min(1).max(24),
  names: z.array(label).max(200).default([]),
});

export type ScenarioFile = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
