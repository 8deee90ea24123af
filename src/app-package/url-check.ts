import { at, valueAt, visitStrings, type Json } from './json-tree';

const DEVELOPER_LINKS = new Set(['/developer/websiteUrl', '/developer/privacyUrl', '/developer/termsOfUseUrl']);

/**
 * Every web address in the manifest must lie under PUBLIC_URL, where this service answers; the
 * developer's links may point anywhere else too, but then over https. validDomains must name PUBLIC_URL's host
 * and the single sign-on resource must be the one configured.
 */
export function checkUrls(manifest: Json, expected: { readonly publicUrl: string; readonly ssoResource: string }, file = 'manifest.json'): string[] {
  const problems: string[] = [];
  const base = new URL(expected.publicUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  visitStrings(manifest, (pointer, value) => {
    if (pointer === '/$schema' || !/^https?:\/\//i.test(value)) return;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(at(file, pointer, `${JSON.stringify(value)} is not a valid URL`));
      return;
    }
    const under = url.origin === base.origin && (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
    if (DEVELOPER_LINKS.has(pointer)) {
      // A link under PUBLIC_URL is as secure as PUBLIC_URL, which the settings check on their own.
      if (url.protocol !== 'https:' && !under) problems.push(at(file, pointer, `${value} must be an https URL`));
      return;
    }
    if (!under) problems.push(at(file, pointer, `${value} is outside PUBLIC_URL (${expected.publicUrl})${url.protocol === 'https:' ? '' : ' and is not https'}: every page of the app must come from this service`));
  });

  const domains = valueAt(manifest, 'validDomains');
  const listed = Array.isArray(domains) ? domains : [];
  listed.forEach((domain, index) => {
    if (domain !== base.host) problems.push(at(file, `/validDomains/${index}`, `${JSON.stringify(domain)} is not PUBLIC_URL's host (${base.host})`));
  });
  if (!listed.includes(base.host)) problems.push(at(file, '/validDomains', `must list PUBLIC_URL's host (${base.host}) so Teams loads the tabs`));

  const resource = valueAt(manifest, 'webApplicationInfo', 'resource');
  if (resource !== undefined && resource !== expected.ssoResource) {
    problems.push(at(file, '/webApplicationInfo/resource', `${JSON.stringify(resource)} is not the Application ID URI ${expected.ssoResource}: single sign-on in the tabs would fail`));
  }
  return problems;
}
