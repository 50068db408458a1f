import { z } from 'zod';
import { CALL_ANSWERS, CRISIS_TYPES, MAX_NOTE, REVIEW_DECISIONS, type Action, type NationAction, type SystemAction } from '../types.ts';
import { termsSchema } from './terms.ts';

// One schema per action, written once. A nation's action on the wire is its fields (the server adds the
// actor from the sender's seat); the same fields with `type` and `by` are the action as recorded in a match
// log. The rules take the typed Action; these schemas are what lets raw input (a frame, an uploaded file)
// become one.

const id = z.string().min(1).max(40);
export const noteSchema = z.string().max(MAX_NOTE).optional();

/** The fields of each nation action, as a player sends them (no actor, no type). */
export const NATION_ACTION_FIELDS = {
  propose: { to: z.array(id).min(1).max(3), terms: termsSchema, amends: id.optional(), note: noteSchema },
  accept: { proposal: id, note: noteSchema },
  reject: { proposal: id, note: noteSchema },
  counter: { proposal: id, terms: termsSchema, note: noteSchema },
  withdraw: { proposal: id, note: noteSchema },
  notice: { treaty: id, note: noteSchema },
  break: { treaty: id, note: noteSchema },
  review: { treaty: id, decision: z.enum(REVIEW_DECISIONS), note: noteSchema },
  policy: { defence: z.number().int().min(0).max(100), demand: id.nullable(), note: noteSchema },
  respond: { call: id, answer: z.enum(CALL_ANSWERS), note: noteSchema },
} as const satisfies { [T in NationAction['type']]: z.ZodRawShape };

/** The fields of the system's actions (the clock, the teacher). */
export const SYSTEM_ACTION_FIELDS = {
  advance: { note: noteSchema },
  /** `attacker`: a nation of the match or 'rev' (the revisionist power, the default). */
  inject: { crisis: z.enum(CRISIS_TYPES), target: id, severity: z.number().int().min(1).max(100), attacker: id.optional(), note: noteSchema },
  end: { note: noteSchema },
} as const satisfies { [T in SystemAction['type']]: z.ZodRawShape };

/**
 * Who, in a team, drafted and who signed a nation's action (player ids of the match). Optional: a bot's
 * action and a one-person nation's action may leave it out. The rules ignore it, like a note.
 */
export const signatureSchema = z.strictObject({ drafter: id, signer: id, approvals: z.array(id).max(5).optional() }).optional();

type Fields = Record<string, z.ZodType>;
const recorded = <T extends string>(type: T, fields: Fields, actor: boolean) =>
  z.strictObject({ type: z.literal(type), ...(actor ? { by: id, signed: signatureSchema } : {}), ...fields });

export const nationActionSchema = z.discriminatedUnion('type',
  Object.entries(NATION_ACTION_FIELDS).map(([type, f]) => recorded(type, f, true)) as unknown as [z.ZodObject, ...z.ZodObject[]]);
export const systemActionSchema = z.discriminatedUnion('type',
  Object.entries(SYSTEM_ACTION_FIELDS).map(([type, f]) => recorded(type, f, false)) as unknown as [z.ZodObject, ...z.ZodObject[]]);
/** Any action of a match log (an uploaded file's, say). */
export const actionSchema = z.union([nationActionSchema, systemActionSchema]) as unknown as z.ZodType<Action>;

/** A nation action as a team member drafts it: its type and fields, without the actor (the note rides beside it). */
export const draftActionSchema = z.discriminatedUnion('type',
  Object.entries(NATION_ACTION_FIELDS).map(([type, f]) => {
    const { note: _note, ...fields } = f as Fields;
    return z.strictObject({ type: z.literal(type), ...fields });
  }) as unknown as [z.ZodObject, ...z.ZodObject[]]);
