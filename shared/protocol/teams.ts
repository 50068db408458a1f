import type { NationAction } from '../types.ts';

// Teams: a nation may be held by a delegation of one to five students with roles, as in classroom
// simulations where deliberation inside the team is half the learning. These are the roles, how they
// combine in smaller teams, and what each may do; the server checks them, the client shows them.

export const ROLES = ['head', 'foreign', 'defence', 'trade'] as const;
export type Role = (typeof ROLES)[number];

export const MAX_TEAM = 5;

export const ROLE_INFO: Record<Role, { title: string; does: string }> = {
  head: { title: 'Head of government', does: 'Signs for the nation: sends and accepts treaties, gives notice or breaks them, seals the policy and the answers to calls.' },
  foreign: { title: 'Foreign minister', does: 'Drafts proposals and counter-proposals, and negotiates with other nations in chat.' },
  defence: { title: 'Defence minister', does: 'Drafts the defence share of the policy and the answers to calls; advises on alliances.' },
  trade: { title: 'Trade minister', does: 'Drafts the investment side of the policy; advises on partnerships and their terms.' },
};

/** The roles of each member, by team size, in the order members joined: smaller teams combine roles. */
const COMBINED: Record<number, Role[][]> = {
  1: [['head', 'foreign', 'defence', 'trade']],
  2: [['head', 'defence'], ['foreign', 'trade']],
  3: [['head'], ['foreign'], ['defence', 'trade']],
  4: [['head'], ['foreign'], ['defence'], ['trade']],
  5: [['head'], ['foreign'], ['defence'], ['trade'], ['foreign']],
};

/** The roles of the member in `slot` (0-based) of a team of `size`. */
export function rolesFor(size: number, slot: number): Role[] {
  const table = COMBINED[Math.min(MAX_TEAM, Math.max(1, size))]!;
  return [...(table[Math.min(slot, table.length - 1)] ?? [])];
}

/** How a team's decisions become the nation's: its head signs, any member signs, or a majority approves. */
export const SIGNING = ['head', 'any', 'vote'] as const;
export type Signing = (typeof SIGNING)[number];

/** Does a member with these roles sign directly under this rule? */
export const signs = (roles: readonly Role[], signing: Signing): boolean => signing === 'any' || (signing === 'head' && roles.includes('head'));

/** Talking to other nations (and the public channel) is the head's and the foreign minister's. */
export const negotiates = (roles: readonly Role[], teamSize: number): boolean => teamSize <= 1 || roles.includes('head') || roles.includes('foreign');

/** Approvals a draft needs under "team vote": more than half of the team. */
export const majority = (members: number): number => Math.floor(members / 2) + 1;

/** A team's draft of an action, shown to the whole team (with the assessment for a proposal) until signed. */
export interface Draft {
  id: string;
  /** The action as it would be sent (its type and fields, without the actor). */
  action: { type: NationAction['type'] } & Record<string, unknown>;
  note?: string;
  /** Player id and nickname of the member who drafted it (or last changed it). */
  by: string;
  byName: string;
  /** Members who approved it (team vote). */
  approvals: string[];
  turn: number;
  phase: string;
}

/** A member of the team as each member sees them. */
export interface TeamMember {
  id: string;
  nickname: string;
  roles: Role[];
  connected: boolean;
}

/** What a member sees of their own team, in their private view. */
export interface TeamView {
  members: TeamMember[];
  drafts: Draft[];
  signing: Signing;
  /** Approvals a draft needs before it is the nation's (team vote), else 1. */
  needed: number;
}
