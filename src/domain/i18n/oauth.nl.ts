import type { oauthEn } from './oauth.en';

/** Dutch for `oauthEn`; spread into `nl`. */
export const oauthNl: Readonly<Record<keyof typeof oauthEn, string>> = {
  'oauth.card.title': 'Aanmelden bij AFAS',
  'oauth.card.text': 'Je organisatie koppelt AFAS for Teams met je eigen AFAS-aanmelding. Druk op de knop, meld je aan bij AFAS en typ daarna de code van 6 cijfers die AFAS for Teams je laat zien in deze chat.',
  'oauth.card.expired': 'AFAS accepteert je aanmelding niet meer. Meld je opnieuw aan om je taken en signalen te zien.',
  'oauth.card.migrate': 'Je organisatie is overgestapt op aanmelden met je AFAS-account (de gemailde codes werken vanaf 31 augustus 2027 niet meer). Meld je nog één keer aan om je taken en signalen te blijven zien.',
  'oauth.card.button': 'Aanmelden met AFAS',
  'oauth.chat.linked': 'Je bent aangemeld bij AFAS. Hier zijn je taken.',
  'oauth.chat.codeUnknown': 'Die code is niet (meer) geldig. Een code werkt één keer, 5 minuten lang, en alleen in de chat van wie zich heeft aangemeld. Meld je opnieuw aan voor een nieuwe.',
  'oauth.page.title': 'Aanmelden bij AFAS',
  'oauth.page.code': 'Typ deze code in je chat met AFAS for Teams in Teams:',
  'oauth.page.codeHint': 'Hij werkt één keer, 5 minuten lang, en alleen in je eigen chat. Geef hem nooit aan iemand anders.',
  'oauth.page.tabDone': 'Je bent aangemeld. Dit venster sluit vanzelf; gebeurt dat niet, sluit het dan en ga terug naar Teams.',
  'oauth.page.invalid': 'Deze aanmeldlink is onbekend, al gebruikt of verlopen. Begin de aanmelding opnieuw vanuit Teams.',
  'oauth.page.denied': 'Je hebt AFAS for Teams geen toestemming gegeven om je AFAS-taken en -signalen te lezen. Begin opnieuw vanuit Teams wanneer je wilt.',
  'oauth.page.failed': 'AFAS heeft de aanmelding niet afgerond. Begin opnieuw vanuit Teams; blijft het misgaan, meld het dan bij je app-beheerder.',
  'oauth.tab.intro': 'Meld je aan met je AFAS-account om hier je taken en signalen te zien.',
  'oauth.tab.button': 'Aanmelden met AFAS',
  'oauth.tab.cancelled': 'Het aanmeldvenster is gesloten voordat de aanmelding klaar was. Probeer het opnieuw.',
  'oauth.tab.failed': 'De aanmelding is niet gelukt. Probeer het opnieuw; blijft het misgaan, meld het dan bij je app-beheerder.',
};
