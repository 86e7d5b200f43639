// The official JavaScript client (@clickhouse/client from npm, unpatched) against the warehouse's HTTP interface:
// what a Node.js dashboard or tool does with it. Prints one line per check ("pass NAME" or "fail NAME: why") and a
// closing "N passed, N failed"; exits non-zero on any failure.
// Usage: node conformance.mjs URL WRITER_PASSWORD READER_PASSWORD DATABASE
import { createClient } from '@clickhouse/client';

const [url, writerPassword, readerPassword, database] = process.argv.slice(2);
const writer = createClient({ url, username: 'ioc_writer', password: writerPassword, database });
const reader = createClient({ url, username: 'ioc_reader', password: readerPassword, database });
const compressed = createClient({ url, username: 'ioc_reader', password: readerPassword, database,
  compression: { request: true, response: true } });
let passed = 0;
let failed = 0;

async function check(name, run) {
  try {
    await run();
    passed++;
    console.log('pass ' + name);
  } catch (e) {
    failed++;
    console.log('fail ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}
const equal = (actual, expected, what) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(what + ': expected ' + JSON.stringify(expected) + ', got ' + JSON.stringify(actual));
};
const refused = async (promise, code) => {
  try {
    await promise;
  } catch (e) {
    if (String(e.code) === String(code) || (e.message || '').includes('Code: ' + code + '.')) return;
    throw new Error('expected code ' + code + ', got: ' + e.message);
  }
  throw new Error('expected code ' + code + ', but it was answered');
};

await check('ping', async () => equal((await reader.ping()).success, true, 'ping'));
await check('command: CREATE TABLE', async () => {
  await writer.command({ query: 'DROP TABLE IF EXISTS js_visits' });
  await writer.command({ query: 'CREATE TABLE js_visits (commune String, day Date, n UInt32, share Float64) ENGINE = MergeTree ORDER BY (commune, day)' });
});
await check('insert JSONEachRow', async () => {
  await writer.insert({ table: 'js_visits', format: 'JSONEachRow', values: [
    { commune: 'Phường Ba Đình', day: '2026-10-01', n: 3, share: 0.5 },
    { commune: 'Xã Đông Anh', day: '2026-10-02', n: 4, share: 0.25 }] });
});
await check('insert compressed', async () => {
  await createClient({ url, username: 'ioc_writer', password: writerPassword, database, compression: { request: true } })
    .insert({ table: 'js_visits', format: 'JSONEachRow', values: [{ commune: 'Xã Sóc Sơn', day: '2026-10-03', n: 5, share: 1 }] });
});
await check('query JSONEachRow with parameters', async () => {
  const rows = await (await reader.query({ query: 'SELECT commune, n FROM js_visits WHERE n >= {min:UInt32} ORDER BY n',
    query_params: { min: 4 }, format: 'JSONEachRow' })).json();
  equal(rows, [{ commune: 'Xã Đông Anh', n: 4 }, { commune: 'Xã Sóc Sơn', n: 5 }], 'rows');
});
await check('query JSON with meta', async () => {
  const result = await (await reader.query({ query: 'SELECT sum(n) AS total FROM js_visits', format: 'JSON' })).json();
  equal(result.meta.map((m) => m.name), ['total'], 'meta');
  equal(Number(result.data[0].total), 12, 'total');
});
await check('query compressed response', async () => {
  const text = await (await compressed.query({ query: 'SELECT count() FROM js_visits', format: 'CSV' })).text();
  equal(text.trim(), '3', 'count');
});
await check('stream rows', async () => {
  const stream = (await reader.query({ query: 'SELECT number FROM numbers(10000)', format: 'JSONCompactEachRow' })).stream();
  let rows = 0;
  for await (const batch of stream) rows += batch.length;
  equal(rows, 10000, 'rows streamed');
});
await check('SHOW TABLES', async () => {
  const rows = await (await reader.query({ query: 'SHOW TABLES', format: 'JSONEachRow' })).json();
  if (!rows.some((row) => row.name === 'js_visits')) throw new Error('js_visits not listed: ' + JSON.stringify(rows));
});
await check('DESCRIBE TABLE', async () => {
  const rows = await (await reader.query({ query: 'DESCRIBE TABLE js_visits', format: 'JSONEachRow' })).json();
  equal(rows.map((row) => row.name + ' ' + row.type), ['commune String', 'day Date', 'n UInt32', 'share Float64'], 'columns');
});
await check('EXISTS TABLE', async () => {
  const rows = await (await reader.query({ query: 'EXISTS TABLE js_visits', format: 'JSONEachRow' })).json();
  equal(Number(rows[0].result), 1, 'exists');
});
await check('SHOW DATABASES', async () => {
  const rows = await (await reader.query({ query: 'SHOW DATABASES', format: 'JSONEachRow' })).json();
  if (!rows.some((row) => row.name === database)) throw new Error(database + ' not listed');
});
await check('session keeps a temporary table', async () => {
  const session = createClient({ url, username: 'ioc_writer', password: writerPassword, database, session_id: 'js-' + Date.now() });
  await session.command({ query: 'CREATE TEMPORARY TABLE picked (commune String)' });
  await session.insert({ table: 'picked', format: 'JSONEachRow', values: [{ commune: 'Xã Đông Anh' }] });
  const rows = await (await session.query({ query: 'SELECT count() AS c FROM picked', format: 'JSONEachRow' })).json();
  equal(Number(rows[0].c), 1, 'rows in the session table');
});
await check('KILL QUERY by the query_id the client gave', async () => {
  const query_id = 'js-kill-' + Date.now();
  const slow = reader.query({ query: 'SELECT sum(sleepEachRow(0.5)) FROM numbers(60) SETTINGS max_block_size = 1', query_id, format: 'JSONEachRow' })
    .then((result) => result.json()).then(() => null, (e) => e);
  let killed = [];
  for (let i = 0; i < 100 && killed.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    killed = await (await reader.query({ query: 'KILL QUERY WHERE query_id = {id:String} SYNC', query_params: { id: query_id },
      format: 'JSONEachRow' })).json();
  }
  equal(killed.map((row) => row.query_id + ' ' + row.kill_status), [query_id + ' finished'], 'killed');
  const error = await slow;
  equal(error && String(error.code), '394', 'the killed query answers QUERY_WAS_CANCELLED');
});
await check('a reader cannot lift its time limit (452)', async () => refused(reader.query({ query: 'SELECT 1',
  clickhouse_settings: { max_execution_time: 100000 } }), 452));
await check('reader may not write (164)', async () => refused(reader.command({ query: 'DROP TABLE js_visits' }), 164));
await check('reader may not read files (497)', async () => refused(reader.query({ query: "SELECT * FROM `file`('/etc/passwd', 'LineAsString')" }), 497));
await check('wrong password (516)', async () => refused(createClient({ url, username: 'ioc_reader', password: 'wrong', database }).query({ query: 'SELECT 1' }), 516));
await check('syntax error (62)', async () => refused(reader.query({ query: 'SELEC 1' }), 62));

await Promise.all([writer.close(), reader.close(), compressed.close()]);
console.log('javascript client: ' + passed + ' of ' + (passed + failed) + ' checks passed');
process.exit(failed === 0 ? 0 : 1);
