/** Markdown for job summaries and release texts. */

/**
 * A code fence for `text`: backticks, one more than its longest run of them and at least three, so nothing in
 * the text can close the block early (CommonMark closes a fence only with one at least as long).
 */
export function codeFence(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}
