// The collector on PGlite (its embedded default): the whole behaviour suite, in memory.
import { openDatabase } from '@consentgate/collector';
import { describe } from 'vitest';
import { collectorBehaviours } from './behaviours';

describe('collector on PGlite', () => {
  collectorBehaviours(
    () => openDatabase({ dataDir: 'memory://' }),
    (db) => db.close(),
  );
});
