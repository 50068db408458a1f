import { z } from 'zod';
import { CALL_ANSWERS, CONTRIBUTIONS, CRISIS_TYPES, REVIEW_DECISIONS, SCOPES, TRADE_LEVELS } from '../types.ts';
import { TERM_LIMITS } from '../rules/terms.ts';

// Schemas for the raw shapes that arrive from outside (client messages, imported match files). A value
// that passes is well-formed; whether it is allowed right now is the rules' question.

const id = z.string().min(1).max(40);
const int = (lim: { min: number; max: number }) => z.number().int().min(lim.min).max(lim.max);
export const noteSchema = z.string().max(140).optional();

export const allianceTermsSchema = z.strictObject({
  kind: z.literal('alliance'),
  adversary: id,
  scope: z.enum(SCOPES),
  nonProvocation: z.boolean(),
  contribution: z.enum(CONTRIBUTIONS),
  duration: int(TERM_LIMITS.duration).nullable(),
  notice: int(TERM_LIMITS.notice),
  review: int(TERM_LIMITS.review),
});
export const partnershipTermsSchema = z.strictObject({
  kind: z.literal('partnership'),
  trade: z.enum(TRADE_LEVELS),
  techSharing: z.boolean(),
  minTerm: int(TERM_LIMITS.minTerm),
  review: int(TERM_LIMITS.review),
});
export const termsSchema = z.discriminatedUnion('kind', [allianceTermsSchema, partnershipTermsSchema]);

/** A nation's action as recorded in a match file (with its actor). */
export const nationActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('propose'), by: id, to: z.array(id).min(1).max(3), terms: termsSchema, amends: id.optional(), note: noteSchema }),
  z.strictObject({ type: z.literal('accept'), by: id, proposal: id, note: noteSchema }),
  z.strictObject({ type: z.literal('reject'), by: id, proposal: id, note: noteSchema }),
  z.strictObject({ type: z.literal('counter'), by: id, proposal: id, terms: termsSchema, note: noteSchema }),
  z.strictObject({ type: z.literal('withdraw'), by: id, proposal: id, note: noteSchema }),
  z.strictObject({ type: z.literal('notice'), by: id, treaty: id, note: noteSchema }),
  z.strictObject({ type: z.literal('break'), by: id, treaty: id, note: noteSchema }),
  z.strictObject({ type: z.literal('review'), by: id, treaty: id, decision: z.enum(REVIEW_DECISIONS), note: noteSchema }),
  z.strictObject({ type: z.literal('policy'), by: id, defence: z.number().int().min(0).max(100), demand: id.nullable(), note: noteSchema }),
  z.strictObject({ type: z.literal('respond'), by: id, call: id, answer: z.enum(CALL_ANSWERS), note: noteSchema }),
]);
export const systemActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('advance'), note: noteSchema }),
  z.strictObject({ type: z.literal('inject'), crisis: z.enum(CRISIS_TYPES), target: id, severity: z.number().int().min(1).max(100), note: noteSchema }),
  z.strictObject({ type: z.literal('end'), note: noteSchema }),
]);
export const actionSchema = z.union([nationActionSchema, systemActionSchema]);
