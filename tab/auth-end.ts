import { app, authentication } from '@microsoft/teams-js';

/*
 * The last page of Teams' authentication popup (our /auth/afas/callback): tells the tab through
 * Teams how the sign-in ended. The page says it in a meta tag (success with the completion handle,
 * or failure with a reason); opened outside Teams' popup (the bot's sign-in in a browser), there is
 * no host, and the page's own text is all there is.
 */
const meta = document.querySelector<HTMLMetaElement>('meta[name="afas-sign-in"]');
if (meta) {
  app.initialize().then(
    () => {
      if (meta.content === 'success') authentication.notifySuccess(meta.dataset.handle ?? '');
      else authentication.notifyFailure(meta.dataset.reason ?? 'failed');
    },
    (error: unknown) => console.info('not in a Teams authentication window', error),
  );
}
