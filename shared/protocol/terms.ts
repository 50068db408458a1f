import { z } from 'zod';
import { CONTRIBUTIONS, SCOPES, TRADE_LEVELS } from '../types.ts';
import { TERM_LIMITS } from '../rules/terms.ts';

// Schemas for the raw shapes that arrive from outside (client messages, imported match files). A value
// that passes is well-formed; whether it is allowed right now is the rules' question.

const id = z.string().min(1).max(40);
const int = (lim: { min: number; max: number }) => z.number().int().min(lim.min).max(lim.max);

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
