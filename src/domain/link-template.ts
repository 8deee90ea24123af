import type { AfasRow } from './work-item';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Fills a link template such as `https://12345.afasinsite.nl/taken?guid={guid_task}` from a row.
 * Values are URL-encoded. Returns null when a placeholder has no value in the row, so the caller
 * can fall back to the default tasks URL instead of sending the user to a broken page.
 */
export function fillLinkTemplate(template: string, row: AfasRow): string | null {
  let missing = false;
  const url = template.replace(PLACEHOLDER, (_whole, field: string) => {
    const value = row[field];
    if (value === null || value === undefined || value === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? null : url;
}

/** The placeholder names a template uses, for configuration checks. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
