// The peer's schema is the Java server's own (its migration files, applied in version order), so both stacks write
// the same rows into the same tables and indexes and the comparison is about the server, not the data model. A
// version written per engine (V5__x.sqlite.sql / V5__x.postgres.sql) is applied in its PostgreSQL form.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export async function migrate(pool, schemaDir) {
  const files = readdirSync(schemaDir)
    .filter((f) => /^V\d+__.*\.sql$/.test(f) && !f.endsWith(".sqlite.sql"))
    .sort((a, b) => Number(a.slice(1, a.indexOf("__"))) - Number(b.slice(1, b.indexOf("__"))));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const file of files) {
      const sql = readFileSync(join(schemaDir, file), "utf8")
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n");
      await client.query(sql);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}
