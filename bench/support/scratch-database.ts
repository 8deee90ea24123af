import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The machine's PostgreSQL (CI's trust setup); TEST_DATABASE_URL names another. */
export const SERVER_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A database of its own on the machine's PostgreSQL server, created empty and dropped afterwards:
 * several product processes share it as replicas share production's, and nothing else sees it.
 */
export class ScratchDatabase {
  private constructor(private readonly serverUrl: string, private readonly name: string) {}

  static async create(serverUrl: string = SERVER_DATABASE_URL): Promise<ScratchDatabase> {
    const name = `afas_scale_${randomBytes(5).toString('hex')}`;
    await onServer(serverUrl, `CREATE DATABASE ${name}`);
    return new ScratchDatabase(serverUrl, name);
  }

  get url(): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  /** Drops it even while a killed replica's connections are still open. */
  drop(): Promise<void> {
    return onServer(this.serverUrl, `DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
