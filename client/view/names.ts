// Friendly two-word nicknames for the "suggest a name" button: an adjective and an animal, short enough
// to fit the protocol's 16 characters, and never anything unkind.

const ADJECTIVES = ['Brave', 'Calm', 'Clever', 'Swift', 'Bright', 'Kind', 'Quiet', 'Bold', 'Lucky', 'Merry', 'Noble', 'Witty', 'Jolly', 'Keen', 'Sunny', 'Gentle'];
const ANIMALS = ['Otter', 'Heron', 'Fox', 'Lynx', 'Owl', 'Badger', 'Falcon', 'Panda', 'Koala', 'Robin', 'Seal', 'Wren', 'Moose', 'Gecko', 'Ibis', 'Crane'];

/** A name from a random source in [0,1); pass a seeded source in tests. */
export function suggestName(random: () => number = Math.random, taken: readonly string[] = []): string {
  const takenLower = new Set(taken.map((t) => t.toLowerCase()));
  for (let i = 0; i < 20; i++) {
    const a = ADJECTIVES[Math.floor(random() * ADJECTIVES.length) % ADJECTIVES.length]!;
    const b = ANIMALS[Math.floor(random() * ANIMALS.length) % ANIMALS.length]!;
    const name = `${a} ${b}`;
    if (!takenLower.has(name.toLowerCase())) return name;
  }
  return `${ADJECTIVES[0]} ${ANIMALS[Math.floor(random() * ANIMALS.length) % ANIMALS.length]} ${Math.floor(random() * 90 + 10)}`.slice(0, 16);
}

/** The same length limits as the protocol; returns a message or null when fine. */
export function nicknameProblem(name: string): string | null {
  const t = name.trim();
  if (t.length < 2) return 'A nickname needs at least 2 characters.';
  if (t.length > 16) return 'A nickname can have at most 16 characters.';
  return null;
}

/** Room codes are 6 letters/digits; accept lower case and stray spaces. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(0, 6);
}
