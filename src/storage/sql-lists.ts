/** Splits long id lists so no statement exceeds the engines' bound-parameter limits. */
export function inChunks<T>(items: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** `$from, $from+1, ...` for `count` parameters, e.g. for an `IN (...)` list. */
export function placeholders(count: number, from = 1): string {
  return Array.from({ length: count }, (_unused, i) => `$${from + i}`).join(', ');
}
