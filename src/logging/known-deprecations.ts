/** Deprecation warnings of dependencies we know about and cannot fix, by code and the module that causes them. */
const KNOWN: readonly { readonly code: string; readonly source: RegExp }[] = [
  // restify 11 loads spdy, whose http-deceiver calls process.binding('http_parser') at load (twice).
  { code: 'DEP0111', source: /[\\/]node_modules[\\/](http-deceiver|spdy)[\\/]/ },
];

type EmitWarning = (warning: string | Error, ...rest: unknown[]) => void;

function codeOf(rest: readonly unknown[]): unknown {
  const [typeOrOptions, code] = rest;
  return typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
}

/**
 * Drops the known warnings above and nothing else: the same deprecation from any other module (our
 * own code included) still prints. Call it before restify is loaded (scripts/start.js does).
 */
export function silenceKnownDeprecations(proc: NodeJS.Process = process): void {
  const emit = proc.emitWarning.bind(proc) as EmitWarning;
  const filtered: EmitWarning = (warning, ...rest) => {
    const code = codeOf(rest);
    const stack = new Error().stack ?? '';
    if (KNOWN.some((known) => known.code === code && known.source.test(stack))) return;
    emit(warning, ...rest);
  };
  proc.emitWarning = filtered as NodeJS.Process['emitWarning'];
}
