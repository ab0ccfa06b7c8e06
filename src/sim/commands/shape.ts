import '../zodConfig';
import { z } from 'zod';
import { describeValue } from '../scenario/limits';
import type { CommandType } from './command';

/** An id as a command names it: text of sane length (whether it exists is the check's question). */
export const ref = z.string().min(1).max(80);

/** One of a closed list; a wrong value is named in the game's words. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `no ${what} ${describeValue(issue.input)}` });

/** A command's payload: its type and its fields. */
export const payload = <T extends CommandType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape });
