// Accounts and chats for a run. Users and extra admins are inserted with SQL, all sharing the bootstrap admin's
// password hash: registering each over REST would cost one bcrypt hash per account on top of the login's, which
// for 1,000 conversations doubles a setup of about a minute on two cores. Everyone then logs in over REST and each
// user opens its chat over REST, exactly as a client of the seed's API does.
import { randomBytes } from "node:crypto";
import { mapLimit } from "./concurrency.mjs";
import { post } from "./rest.mjs";

const INSERT_CHUNK = 500;
// bcrypt is CPU-bound on the server; more logins in flight than a few per core only queue.
const LOGIN_CONCURRENCY = 8;
const CHAT_CONCURRENCY = 16;

const newId = () => randomBytes(12).toString("hex");

/**
 * Creates `users` users with one chat each and `admins` admins (the bootstrap admin is the first), all logged in.
 * `prefix` starts every e-mail address, so that one target can be seeded twice (the team scenario's two loops).
 * Returns { users: [{id, email, token, chatId}], admins: [{id, email, token}] }.
 */
export async function seedAccounts(target, { users, admins, prefix = "" }, log = () => {}) {
  const t0 = Date.now();
  const { email: adminEmail, password } = target.admin;
  const userRows = Array.from({ length: users }, (_, i) => ({
    id: newId(),
    email: `${prefix}u${i}@bench.local`,
    admin: false,
  }));
  const adminRows = Array.from({ length: admins - 1 }, (_, i) => ({
    id: newId(),
    email: `${prefix}a${i + 1}@bench.local`,
    admin: true,
  }));
  await insertUsers(target.sql, adminEmail, [...adminRows, ...userRows]);

  const base = target.restUrl;
  const loginAll = (rows) =>
    mapLimit(rows, LOGIN_CONCURRENCY, async (row) => {
      const session = await post(base, "/users/login", { email: row.email, password });
      return { id: session.user._id, email: row.email, token: session.accessToken };
    });
  const adminAccounts = await loginAll([{ email: adminEmail }, ...adminRows]);
  const userAccounts = await loginAll(userRows);
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  log(`  logged in ${adminAccounts.length} admins and ${userAccounts.length} users in ${elapsed()}`);

  await mapLimit(userAccounts, CHAT_CONCURRENCY, async (u) => {
    const chat = await post(base, "/chats/support", { subject: "bench" }, u.token);
    u.chatId = chat._id;
  });
  log(`  ${userAccounts.length} chats open after ${elapsed()}`);
  return { users: userAccounts, admins: adminAccounts };
}

/**
 * Same statement on SQLite and PostgreSQL: literal values only (every one generated above: hex ids and fixed
 * e-mail addresses, so nothing needs quoting), the hash read from the bootstrap admin's row.
 */
async function insertUsers(sql, adminEmail, rows) {
  const now = Date.now();
  const hash = `(SELECT password_hash FROM users WHERE email = '${adminEmail}')`;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows
      .slice(i, i + INSERT_CHUNK)
      .map(
        (r) =>
          `('${r.id}', '${r.email}', 'Bench ${r.email.split("@")[0]}', ${hash}, ` +
          `${r.admin ? "TRUE" : "FALSE"}, ${now}, ${now})`,
      );
    await sql.query(
      "INSERT INTO users (id, email, full_name, password_hash, is_admin, created_at, updated_at) VALUES " +
        values.join(", "),
    );
  }
}
