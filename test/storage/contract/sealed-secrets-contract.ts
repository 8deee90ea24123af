import { AesGcmSecretBox } from '../../../src/secrets/aes-gcm-secret-box';
import { sealUnbound } from '../../support/unbound-seal';
import { activation, connection, rejection, user, type ContractContext } from './contract-context';

const JAN_TOKEN = '<token><version>1</version><data>JAN-TOKEN</data></token>';
const PIET_TOKEN = '<token><version>1</version><data>PIET-TOKEN</data></token>';
const KEYS_1 = { apiKey: 'api-key-of-connection-one-000001', environmentKey: 'env-key-of-connection-one-000001' };
const KEYS_2 = { apiKey: 'api-key-of-connection-two-000002', environmentKey: 'env-key-of-connection-two-000002' };

/** Someone with write access to the database copies sealed values between rows; the storage must notice. */
export function sealedSecretsContract(ctx: ContractContext): void {
  describe('sealed secrets are bound to their row', () => {
    const jan = user('jan');
    const piet = user('piet');

    it('a token copied into another user\'s row is refused with secret_tampered, not handed out', async () => {
      await ctx.storage.activations.save(activation(jan), JAN_TOKEN);
      await ctx.storage.activations.save(activation(piet), PIET_TOKEN);
      const [{ token_sealed: sealed }] = await ctx.raw.query(`SELECT token_sealed FROM activations WHERE aad_object_id = 'jan'`);
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1 WHERE aad_object_id = 'piet'`, [String(sealed)]);
      const error = await rejection(ctx.storage.activations.getToken(piet));
      expect(error.code).toBe('secret_tampered');
      expect(error.message).not.toContain('JAN-TOKEN');
      expect(await ctx.storage.activations.getToken(jan)).toBe(JAN_TOKEN);
    });

    it('the same user id in another tenant is another owner', async () => {
      const elsewhere = user('jan', 'tenant-b');
      await ctx.storage.activations.save(activation(jan), JAN_TOKEN);
      await ctx.storage.activations.save(activation(elsewhere), PIET_TOKEN);
      const [{ token_sealed: sealed }] = await ctx.raw.query(`SELECT token_sealed FROM activations WHERE tenant_id = 'tenant-a'`);
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1 WHERE tenant_id = 'tenant-b'`, [String(sealed)]);
      expect((await rejection(ctx.storage.activations.getToken(elsewhere))).code).toBe('secret_tampered');
    });

    it('connection keys copied to another connection, or swapped within one, are refused with secret_tampered', async () => {
      await ctx.storage.connections.save(connection({ id: 'conn-1' }));
      await ctx.storage.connections.save(connection({ id: 'conn-2' }));
      await ctx.storage.connections.setSecrets('conn-1', KEYS_1);
      await ctx.storage.connections.setSecrets('conn-2', KEYS_2);
      const [one] = await ctx.raw.query(`SELECT api_key_sealed, environment_key_sealed FROM connection_secrets WHERE connection_id = 'conn-1'`);
      await ctx.raw.execute(`UPDATE connection_secrets SET api_key_sealed = $1, environment_key_sealed = $2 WHERE connection_id = 'conn-2'`, [String(one.api_key_sealed), String(one.environment_key_sealed)]);
      expect((await rejection(ctx.storage.connections.getSecrets('conn-2'))).code).toBe('secret_tampered');
      await ctx.raw.execute(`UPDATE connection_secrets SET api_key_sealed = $1, environment_key_sealed = $2 WHERE connection_id = 'conn-1'`, [String(one.environment_key_sealed), String(one.api_key_sealed)]);
      expect((await rejection(ctx.storage.connections.getSecrets('conn-1'))).code).toBe('secret_tampered');
    });

    it('values sealed by the previous release (unbound) are bound to their row at the next start and still open', async () => {
      await ctx.storage.activations.save(activation(jan), 'placeholder');
      await ctx.storage.connections.save(connection({ id: 'conn-1' }));
      await ctx.storage.connections.setSecrets('conn-1', { apiKey: 'x', environmentKey: 'y' });
      // The contract's box seals with Buffer.alloc(32, 7): the old release wrote v1 values with that key.
      const key = Buffer.alloc(32, 7);
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1`, [sealUnbound(key, JAN_TOKEN)]);
      await ctx.raw.execute(`UPDATE connection_secrets SET api_key_sealed = $1, environment_key_sealed = $2`, [sealUnbound(key, KEYS_1.apiKey), sealUnbound(key, KEYS_1.environmentKey)]);

      const reopened = await ctx.reopen();
      expect(await reopened.activations.getToken(jan)).toBe(JAN_TOKEN);
      expect(await reopened.connections.getSecrets('conn-1')).toEqual(KEYS_1);
      const raw = JSON.stringify([...(await ctx.raw.query('SELECT token_sealed FROM activations')), ...(await ctx.raw.query('SELECT api_key_sealed, environment_key_sealed FROM connection_secrets'))]);
      expect(raw).not.toContain('"v1:');
      expect(raw.match(/"v2:/g)).toHaveLength(3);
    });

    it('an unbound value copied in later is refused rather than opened without its owner', async () => {
      await ctx.storage.activations.save(activation(jan), JAN_TOKEN);
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1`, [sealUnbound(Buffer.alloc(32, 7), PIET_TOKEN)]);
      expect((await rejection(ctx.storage.activations.getToken(jan))).code).toBe('secret_tampered');
    });

    it('an unbound value under a previous key is rebound with the current key; one under an unknown key stays and fails when used', async () => {
      await ctx.storage.activations.save(activation(jan), 'placeholder');
      await ctx.storage.activations.save(activation(piet), 'placeholder');
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1 WHERE aad_object_id = 'jan'`, [sealUnbound(Buffer.alloc(32, 7), JAN_TOKEN)]);
      await ctx.raw.execute(`UPDATE activations SET token_sealed = $1 WHERE aad_object_id = 'piet'`, [sealUnbound(Buffer.alloc(32, 1), PIET_TOKEN)]);
      const reopened = await ctx.reopen(new AesGcmSecretBox({ current: Buffer.alloc(32, 9), previous: [Buffer.alloc(32, 7)] }));
      expect(await reopened.activations.getToken(jan)).toBe(JAN_TOKEN);
      expect((await rejection(reopened.activations.getToken(piet))).code).toBe('secret_tampered');
      const rows = await ctx.raw.query(`SELECT aad_object_id, token_sealed FROM activations ORDER BY aad_object_id`);
      expect(rows.map((r) => String(r.token_sealed).slice(0, 3))).toEqual(['v2:', 'v1:']);
    });
  });
}
