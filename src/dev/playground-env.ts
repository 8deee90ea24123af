/** Variables the Playground reads that would make a start depend on the caller's shell. */
const PLAYGROUND_PREFIXES = ['M365_AGENTS_PLAYGROUND_', 'TEAMSAPPTESTER_', 'TEAMS_APP_TEST_TOOL_'];
const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

export interface PlaygroundEnvOptions {
  readonly configPath: string;
  readonly logFile: string;
}

/**
 * The child's environment: the caller's, minus every Playground setting it may carry, plus ours.
 * The Playground sends its requests to the bot through HTTP(S)_PROXY when one is set, so loopback is
 * added to NO_PROXY.
 */
export function playgroundEnv(base: NodeJS.ProcessEnv, options: PlaygroundEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(base)) {
    if (!PLAYGROUND_PREFIXES.some((prefix) => key.toUpperCase().startsWith(prefix))) env[key] = value;
  }
  env.TEAMSAPPTESTER_BROWSER = 'none';
  env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = options.configPath;
  env.M365_AGENTS_PLAYGROUND_LOGFILE = options.logFile;
  env.FORCE_COLOR = '0';
  const proxied = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy'].some((key) => (env[key] ?? '') !== '');
  if (proxied) {
    const current = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const merged = [...current, ...LOOPBACK.filter((host) => !current.includes(host))].join(',');
    env.NO_PROXY = merged;
    env.no_proxy = merged;
  }
  return env;
}
