/**
 * The message of anything thrown. Structural rather than `instanceof Error`, because native and
 * driver errors can come from another realm (e.g. under jest) and would otherwise print as `[object]`.
 */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
