import type { SignalLanguage } from './demo-users';

export interface ActivationMailInput {
  readonly name: string;
  readonly language: SignalLanguage;
  readonly code: string;
  readonly validityMinutes: number;
  readonly appName: string;
  readonly environment: string;
}

/** The mail AFAS sends with an activation code ("Activatiecode"), in the user's language. */
export function composeActivationMail(input: ActivationMailInput): { subject: string; body: string } {
  const { name, code, validityMinutes, appName, environment } = input;
  if (input.language === 'EN') {
    return {
      subject: `Activation code for ${appName}`,
      body: [
        `Dear ${name},`,
        '',
        `You requested an activation code for the app "${appName}" in AFAS Profit environment ${environment}.`,
        '',
        `Activation code: ${code}`,
        '',
        `The code is valid for ${validityMinutes} minutes and can be used once. Did you not request it? Then you can ignore this message.`,
        '',
        'Kind regards,',
        'AFAS Profit',
      ].join('\n'),
    };
  }
  return {
    subject: `Activatiecode voor ${appName}`,
    body: [
      `Beste ${name},`,
      '',
      `Je hebt een activatiecode aangevraagd voor de app "${appName}" in AFAS Profit-omgeving ${environment}.`,
      '',
      `Activatiecode: ${code}`,
      '',
      `De code is ${validityMinutes} minuten geldig en kan één keer worden gebruikt. Heb je deze code niet aangevraagd? Dan kun je dit bericht negeren.`,
      '',
      'Met vriendelijke groet,',
      'AFAS Profit',
    ].join('\n'),
  };
}
