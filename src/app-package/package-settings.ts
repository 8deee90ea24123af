import type { AppConfig } from '../config';

/**
 * `release` builds the package to upload; `inspect` builds one to look at without a bot
 * registration: a placeholder id and a non-https PUBLIC_URL become warnings instead of problems.
 */
export type PackageMode = 'release' | 'inspect';

/** Stands in for the bot id in an inspection package; Teams refuses it. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** What the template is filled with, and what the filled manifest must agree with. */
export interface PackageSettings {
  /** Placeholder name (without `${{ }}`) to value. */
  readonly values: Readonly<Record<string, string>>;
  readonly botId: string;
  readonly publicUrl: string;
  readonly ssoResource: string;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
}

export const NO_BOT_EXPLANATION =
  'MicrosoftAppId is empty (demo mode). A Teams app package needs a real Azure Bot: register one (docs/deploy.md, "Register the Azure Bot"), ' +
  'then set MicrosoftAppId, MicrosoftAppTenantId and an https PUBLIC_URL. To look at the package without them, run `npm run package -- --inspect`.';

/** Derives the template values from the configuration and the version in package.json. */
export function resolvePackageSettings(config: AppConfig, packageVersion: string, mode: PackageMode): PackageSettings {
  const problems: string[] = [];
  const warnings: string[] = [];
  const deploymentIssue = (message: string) => (mode === 'release' ? problems : warnings).push(message);

  let botId = config.bot.appId;
  if (botId === '') {
    if (mode === 'release') problems.push(NO_BOT_EXPLANATION);
    else warnings.push(`MicrosoftAppId is empty, so the bot and app ids are the placeholder ${PLACEHOLDER_ID}: Teams will refuse this package.`);
    botId = PLACEHOLDER_ID;
  } else if (!GUID.test(botId)) {
    problems.push('MicrosoftAppId is not a GUID: it must be the Application (client) ID of the Azure Bot\'s app registration.');
  }

  const publicUrl = config.publicUrl;
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') {
    deploymentIssue(`PUBLIC_URL is ${publicUrl}: Teams loads the tabs only over https. Set PUBLIC_URL to the https address your reverse proxy serves this service on.`);
  }
  // TAB_SSO_AUDIENCE may list the bare app id too (v2 tokens); the manifest takes the Application ID URI.
  const ssoResource = config.tab.ssoAudiences.find((audience) => audience.startsWith('api://')) ?? `api://${url.host}/${botId}`;
  if (!ssoResource.startsWith(`api://${url.host}/`)) {
    warnings.push(`The single sign-on resource ${ssoResource} (TAB_SSO_AUDIENCE) is not on PUBLIC_URL's host ${url.host}: Teams hands the tabs a token only when the Application ID URI names the host they load from.`);
  }

  const developerUrl = config.teamsApp.developerUrl ?? publicUrl;
  const unset = [config.teamsApp.privacyUrl === null ? 'TEAMS_PRIVACY_URL' : null, config.teamsApp.termsUrl === null ? 'TEAMS_TERMS_URL' : null].filter((key) => key !== null);
  if (mode === 'release' && problems.length === 0 && unset.length > 0) {
    warnings.push(`${unset.join(' and ')} ${unset.length === 1 ? 'is' : 'are'} not set, so the app's details in Teams link to ${developerUrl} instead of your privacy statement and terms of use.`);
  }

  return {
    values: {
      APP_ID: config.teamsApp.appId ?? botId,
      APP_VERSION: config.teamsApp.version ?? packageVersion,
      BOT_ID: botId,
      PUBLIC_URL: publicUrl,
      PUBLIC_HOST: url.host,
      SSO_RESOURCE: ssoResource,
      DEVELOPER_NAME: config.teamsApp.developerName,
      DEVELOPER_URL: developerUrl,
      PRIVACY_URL: config.teamsApp.privacyUrl ?? developerUrl,
      TERMS_URL: config.teamsApp.termsUrl ?? developerUrl,
    },
    botId,
    publicUrl,
    ssoResource,
    problems,
    warnings,
  };
}
