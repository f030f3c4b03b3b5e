// The collector on a real PostgreSQL server: the same behaviour suite as on PGlite, in a
// database of its own (see postgres-server.ts for where the server comes from).
import { openDatabase } from '@consentgate/collector';
import { describe, it } from 'vitest';
import { collectorBehaviours } from './behaviours';
import { createDatabase, dropDatabase, NO_POSTGRES, testPostgres } from './postgres-server';

const server = await testPostgres();

describe('collector on PostgreSQL', () => {
  if (!server) return void it.skip(NO_POSTGRES, () => {});
  let url = '';
  collectorBehaviours(
    async () => openDatabase({ url: (url = await createDatabase(server)) }),
    async (db) => {
      await db.close();
      await dropDatabase(url);
    },
  );
});
