import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cannedStoreContract } from '../canned.contract.js';
import { createSqliteStore } from './index.js';

cannedStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-canned-'));
  let time = Date.now();
  const store = createSqliteStore(join(dir, 'store.sqlite'), () => time);
  return {
    store,
    setNow: (ms) => {
      time = ms;
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
