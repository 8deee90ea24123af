/**
 * The keys the sandbox accepts unless told otherwise. Both are 32 hex characters, like every
 * AFAS API key (API-sleutel) and environment key (Omgevingssleutel). They open nothing real.
 */
export const DEMO_API_KEY = 'AFA5DE70AFA5DE70AFA5DE70AFA5DE70';
export const DEMO_ENVIRONMENT_KEY = '0E1A5DE70E1A5DE70E1A5DE70E1A5DE7';
export const DEFAULT_PARTICIPANT = '12345';
export const DEFAULT_OTP_VALIDITY_MS = 15 * 60_000;

export const HEX_KEY = /^[0-9a-f]{32}$/i;
