// Bounded parallelism for setup work (logins, chat creation, connecting sockets).

/** Runs `work(item, index)` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
