import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { NICKNAME } from '../shared/protocol/messages.ts';
import { sanitizeText } from './limits.ts';

// Nicknames a class sees on the projector: plain text, unique in the match however they are typed, and
// nothing a school would not want on a wall. Uniqueness compares a key that folds width (NFKC), case and
// the Cyrillic and Greek letters that look Latin, so "Ｉｎｅｓ" and "Іnes" are the "Ines" already there.

const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};
const LEET: Record<string, string> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', 8: 'b', '@': 'a', $: 's', '!': 'i', '|': 'l' };

/** The key two nicknames are compared by: same key, same person as far as a class can tell. */
export function nicknameKey(nickname: string): string {
  const folded = nickname.normalize('NFKC').toLowerCase();
  return [...folded].map((c) => LOOKALIKES[c] ?? c).join('').replace(/\s+/g, ' ').trim();
}

// Beyond the English profanity list: names and words no school wants on a projector. Whole words are
// matched as words (so "Nazir" and "Torpedo" pass); the rest anywhere, spaces and look-alike digits ignored.
const BANNED_ANYWHERE = ['hitler', 'goebbels', 'himmler', 'mussolini', 'auschwitz', 'holocaust', 'siegheil', 'binladen', 'polpot', 'wetback', 'raghead', 'towelhead', 'tranny', 'jihad', 'terrorist', 'rapist'];
const BANNED_WORDS = new Set(['nazi', 'nazis', 'kkk', 'isis', 'heil', 'rape', 'pedo', 'paedo', 'incel', 'spaz', 'stalin', 'slave']);

function skeleton(text: string): string {
  return [...nicknameKey(text)].map((c) => LEET[c] ?? c).join('');
}

const matcher = new RegExpMatcher({ ...new DataSet<{ originalWord: string }>().addAll(englishDataset).build(), ...englishRecommendedTransformers });

export function isUnwelcome(text: string): boolean {
  if (matcher.hasMatch(text)) return true;
  const s = skeleton(text);
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (BANNED_ANYWHERE.some((w) => letters.includes(w))) return true;
  return s.split(/[^\p{L}]+/u).some((w) => BANNED_WORDS.has(w));
}

const NICK_CHARS = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u;

export type NicknameResult = { ok: true; nickname: string; key: string } | { ok: false; code: 'bad_nickname' | 'offensive_nickname'; message: string };

/** Nickname rules: plain text (width-folded), 2–16 characters, letters/digits/space . _ ' -, welcome in a class. */
export function checkNickname(raw: unknown): NicknameResult {
  if (typeof raw !== 'string') return { ok: false, code: 'bad_nickname', message: 'Please type a nickname.' };
  const nickname = sanitizeText(raw.normalize('NFKC'));
  const length = [...nickname].length;
  if (length < NICKNAME.min || length > NICKNAME.max) {
    return { ok: false, code: 'bad_nickname', message: `A nickname has ${NICKNAME.min} to ${NICKNAME.max} characters.` };
  }
  if (!NICK_CHARS.test(nickname)) {
    return { ok: false, code: 'bad_nickname', message: 'Use letters, digits, spaces and . _ \' - in a nickname, starting with a letter or digit.' };
  }
  if (isUnwelcome(nickname)) {
    return { ok: false, code: 'offensive_nickname', message: 'Please choose another nickname: that one could upset someone in your class.' };
  }
  return { ok: true, nickname, key: nicknameKey(nickname) };
}
