/**
 * `*`-only glob matching in linear-ish time, for the allow-list. Translating
 * a pattern to a regular expression (`a*b*c` → /^a.*b.*c$/) gives a
 * backtracking matcher whose time grows with the text length to the power of
 * the number of stars: `*a*a*a*a*a*a*a*a*a*a*a*b` against forty `a`s runs for
 * minutes. A pattern is its literal pieces between stars instead: the first
 * must start the text, the last must end it, and each one between is found
 * left to right at its earliest place — the earliest place leaves the most
 * text for the pieces after it, so no choice is ever revisited. The cost is a
 * few substring searches: O(text × pattern) at worst, never exponential.
 */

export interface Glob {
  readonly pattern: string;
  matches(text: string): boolean;
}

export function compileGlob(pattern: string): Glob {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return { pattern, matches: (text) => text === pattern };
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const fixed = first.length + last.length;
  return {
    pattern,
    matches(text) {
      if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
      // The middle pieces must fit between the prefix and the suffix, without overlapping them.
      const end = text.length - last.length;
      let at = first.length;
      for (const piece of middle) {
        const found = text.indexOf(piece, at);
        if (found === -1 || found + piece.length > end) return false;
        at = found + piece.length;
      }
      return true;
    },
  };
}
