// The databases a run creates for itself and the SQL it runs on them (seeding accounts, counting messages). Every
// run gets a fresh database and drops it afterwards; nothing here touches a database it did not create.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** A fresh, empty PostgreSQL database; `drop()` removes it even if sessions are still connected. */
export async function createPostgresDatabase(adminUrl, name) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    sql: postgresSql(url.toString()),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs statements on a PostgreSQL database: `query(sql, params)` → rows. */
export function postgresSql(url) {
  return { query: (sql, params = []) => withClient(url, async (c) => (await c.query(sql, params)).rows) };
}

/**
 * Runs statements on a SQLite file through the sqlite3 command-line tool (Node 20 has no built-in driver and native
 * npm drivers need downloads from outside the npm registry). The server holds the file open in WAL mode; the busy
 * timeout lets our short writes wait for its transactions. Parameters are not supported: callers only pass values
 * they generated themselves.
 */
export function sqliteSql(file) {
  return {
    async query(sql) {
      const { stdout } = await run("sqlite3", ["-json", "-cmd", ".timeout 30000", file, sql], {
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout.trim() ? JSON.parse(stdout) : [];
    },
  };
}
