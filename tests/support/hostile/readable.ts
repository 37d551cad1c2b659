// What a message shown to a shopper or an admin must not look like.
const LEAKS: readonly [RegExp, string][] = [
  [/\[object \w+\]/, "an object printed as [object …]"],
  [/\n\s+at /, "a stack trace"],
  [/\b(TypeError|RangeError|ReferenceError|SyntaxError)\b/, "a JavaScript error name"],
  [/Cannot read propert/, "a JavaScript failure"],
  [/\bundefined\b/, "the word undefined"],
  [/^INTERNAL$/i, "a bare INTERNAL"],
];

/** Why `text` is not a readable sentence, or null when it is one. */
export function unreadable(text: unknown): string | null {
  if (typeof text !== "string") return `not text but ${typeof text}`;
  if (text.length < 10) return `too short: ${JSON.stringify(text)}`;
  if (text.length > 2_000) return `too long: ${text.length} characters`;
  if (!/^[\p{L}"\d]/u.test(text)) return `does not start with a word: ${JSON.stringify(text.slice(0, 40))}`;
  const leak = LEAKS.find(([pattern]) => pattern.test(text));
  return leak ? `${leak[1]} in ${JSON.stringify(text.slice(0, 300))}` : null;
}
