import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { CONFIG_KEYS } from '../../src/config-keys';
import { parseConfig } from '../../src/config';

// Docker does not run on the build machines, so compose.yaml is checked as YAML and against the product's configuration.
const ROOT = join(__dirname, '..', '..');

interface Service {
  readonly environment?: Record<string, string>;
  readonly healthcheck?: { readonly test: readonly string[] };
  readonly depends_on?: Record<string, { condition: string }>;
}

/** What the operator's .env holds (the secrets compose.yaml leaves out), with stand-in values. */
const DOT_ENV = {
  MicrosoftAppId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
  PUBLIC_URL: 'https://teams.example.nl',
  AFAS_ENVIRONMENT: 'O12345AA',
  AFAS_API_KEY: '0123456789abcdef0123456789abcdef',
  AFAS_ENVIRONMENT_KEY: 'fedcba9876543210fedcba9876543210',
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
};

const compose = load(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as { services: Record<string, Service> };
const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith('replica-'));

describe('compose.yaml (two replicas, PostgreSQL, Redis)', () => {
  it('runs two replicas that wait for healthy PostgreSQL and Redis, each with a health check', () => {
    expect(replicas).toHaveLength(2);
    for (const [, service] of replicas) {
      expect(service.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
      expect(service.healthcheck?.test.join(' ')).toContain('/readyz');
    }
    for (const name of ['postgres', 'redis']) expect(compose.services[name]?.healthcheck).toBeDefined();
  });

  it('sets only keys the product reads, and they parse: multi-replica mode on PostgreSQL', () => {
    const known = new Set(CONFIG_KEYS.map((k) => k.name));
    for (const [, service] of replicas) {
      const environment = service.environment ?? {};
      expect(Object.keys(environment).filter((key) => !known.has(key))).toEqual([]);
      const config = parseConfig({ ...DOT_ENV, ...environment });
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.databaseUrl).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    }
  });
});
