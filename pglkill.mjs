import { PGlite } from '@electric-sql/pglite';
const dir = process.argv[2];
if (process.argv[3] === 'write') {
  const db = await PGlite.create(dir);
  await db.exec('create table if not exists t (id int primary key)');
  for (let i = 1; ; i++) { await db.query('insert into t values ($1)', [i]); process.stdout.write(i + '\n'); }
} else {
  const db = await PGlite.create(dir);
  const r = await db.query('select max(id) m from t'); console.log('max in db', r.rows[0].m);
}
