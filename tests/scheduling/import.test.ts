import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { schedulingWorld } from './world.ts';

let w: Awaited<ReturnType<typeof schedulingWorld>>;
const importCsv = (kind: string, csv: string, dryRun: boolean) =>
  w.t.call('POST', '/api/scheduling/imports', {
    token: w.owner.token,
    json: { kind, csv, dryRun, firstRow: 2 },
  });

const PATIENTS = [
  'First Name,Last Name,Date of Birth,Phone,Email,Insurance Payer',
  'Alan,Turing,1912-06-23,(212) 555-0101,alan@example.test,Medicare',
  '"Katherine ""Kate""",Johnson,1918-08-26,,kate@example.test,"Blue Cross, Blue Shield"',
  'Bad,Date,1999-13-40,,bad@example.test,',
  'No,Contact,1980-01-01,,not-an-email,',
].join('\r\n');

beforeAll(async () => {
  w = await schedulingWorld('America/New_York');
});

describe('CSV parsing', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv('a,"b, c","d ""e""\nf"\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'd "e"\nf'],
      ['1', '2', '3'],
    ]);
  });
});

describe('CSV import', () => {
  it('a dry run reports row-level errors and what would be created, writing nothing', async () => {
    const preview = await importCsv('patients', PATIENTS, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 4, created: 2, unchanged: 0, dryRun: true });
    expect(preview.body.errors).toEqual([
      {
        row: 4,
        field: 'date_of_birth',
        message: '“1999-13-40” is not a date (read as year-month-day: there is no month 13)',
      },
      { row: 5, field: 'email', message: 'Enter a valid email address' },
    ]);
    const search = await w.t.call('GET', '/api/scheduling/patients?q=turing', { token: w.owner.token });
    expect(search.body.items).toHaveLength(0);
  });

  it('reads US dates month first (the practice is in the US) and says how it read them', async () => {
    const csv = [
      'first_name,last_name,date_of_birth',
      'Mary,Usdate,03/14/1985',
      'Mark,Usdate,3/4/1986',
      'Iso,Usdate,1987-11-02',
      'Bad,Usdate,13/40/1985',
      'Short,Usdate,03/14/85',
    ].join('\n');
    const preview = await importCsv('patients', csv, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rows: 5, created: 3 });
    expect(preview.body.dates).toEqual({
      order: 'month/day/year',
      read: [
        { format: 'month/day/year', text: '03/14/1985', date: '1985-03-14' },
        { format: 'year-month-day', text: '1987-11-02', date: '1987-11-02' },
      ],
    });
    // An impossible date is one row error naming its column, not a second one from the schema.
    expect(preview.body.errors).toEqual([
      {
        row: 5,
        field: 'date_of_birth',
        message: '“13/40/1985” is not a date (read as month/day/year: there is no month 13)',
      },
      { row: 6, field: 'date_of_birth', message: 'Write the year with four digits, like 03/14/1985' },
    ]);

    const done = await importCsv('patients', csv, false);
    expect(done.body).toMatchObject({ created: 3 });
    const found = await w.t.call('GET', '/api/scheduling/patients?q=usdate', { token: w.owner.token });
    const births = found.body.items.map((p: { firstName: string; dateOfBirth: string }) => [
      p.firstName,
      p.dateOfBirth,
    ]);
    expect(births.sort()).toEqual([
      ['Iso', '1987-11-02'],
      ['Mark', '1986-03-04'],
      ['Mary', '1985-03-14'],
    ]);
    // The same patients written the other way are the same rows: nothing is imported twice.
    const again = await importCsv(
      'patients',
      'first_name,last_name,date_of_birth\nMary,Usdate,1985-03-14\nMark,Usdate,03/04/1986',
      false,
    );
    expect(again.body).toMatchObject({ rows: 2, created: 0, unchanged: 2 });
  });

  it('books appointments from US dates; a visit date that is not a date names the date column', async () => {
    await importCsv('patients', 'first_name,last_name,date_of_birth\nAda,Usvisit,12/10/1815', false);
    const csv = [
      'first_name,last_name,date_of_birth,provider,location,type,date,time',
      `Ada,Usvisit,12/10/1815,${w.provider.name},Main Office,Follow-up,05/04/2027,09:00`,
      `Ada,Usvisit,1815-12-10,${w.provider.name},Main Office,Follow-up,13/40/2027,10:00`,
    ].join('\n');
    const result = await importCsv('appointments', csv, false);
    expect(result.body).toMatchObject({ rows: 2, created: 1 });
    expect(result.body.errors).toEqual([
      {
        row: 3,
        field: 'date',
        message: '“13/40/2027” is not a date (read as month/day/year: there is no month 13)',
      },
    ]);
    const day = await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=2027-05-04`, {
      token: w.owner.token,
    });
    expect(day.body.appointments).toHaveLength(1);
  });

  it('imports the valid rows; importing the same file again changes nothing', async () => {
    const first = await importCsv('patients', PATIENTS, false);
    expect(first.body).toMatchObject({ rows: 4, created: 2, unchanged: 0 });
    const again = await importCsv('patients', PATIENTS, false);
    expect(again.body).toMatchObject({ rows: 4, created: 0, unchanged: 2 });
    const kate = await w.t.call('GET', '/api/scheduling/patients?q=johnson', { token: w.owner.token });
    expect(kate.body.items).toEqual([
      expect.objectContaining({
        firstName: 'Katherine "Kate"',
        insurancePayer: 'Blue Cross, Blue Shield',
        preferredContact: 'email',
      }),
    ]);
  });

  it('imports appointments by provider, location and type names; conflicts and unknown names are row errors', async () => {
    const csv = [
      'first_name,last_name,date_of_birth,provider,location,type,date,time',
      `Alan,Turing,1912-06-23,${w.provider.name},Main Office,Follow-up,2027-05-03,09:00`,
      `Katherine "Kate",Johnson,1918-08-26,${w.provider.name},Main Office,Follow-up,2027-05-03,09:15`,
      `Alan,Turing,1912-06-23,Dr. Nobody,Main Office,Follow-up,2027-05-03,10:00`,
      `Grace,Unknown,1950-01-01,${w.provider.name},Main Office,Follow-up,2027-05-03,11:00`,
    ].join('\n');
    const result = await importCsv('appointments', csv, false);
    expect(result.body).toMatchObject({ rows: 4, created: 1 });
    expect(result.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'time'],
      [4, 'provider'],
      [5, 'last_name'],
    ]);
    expect(result.body.errors[0].message).toBe('The provider is already booked at that time');
    const again = await importCsv('appointments', csv, false);
    expect(again.body).toMatchObject({ created: 0, unchanged: 1 });
    const day = await w.t.call('GET', `/api/scheduling/day?locationId=${w.location.id}&date=2027-05-03`, {
      token: w.owner.token,
    });
    expect(day.body.appointments).toHaveLength(1);
  });

  it('a patient listed twice in one chunk is imported once; the repeat is a row error, also in the preview', async () => {
    const twice = [
      'first_name,last_name,date_of_birth',
      'Grace,Twice,1950-05-05',
      'Other,Person,1951-05-05',
      'grace,TWICE,1950-05-05',
      'Ann,,1960-01-01',
    ].join('\n');
    const preview = await importCsv('patients', twice, true);
    expect(preview.body).toMatchObject({ rows: 4, created: 2 });
    expect(preview.body.errors).toEqual([
      { row: 4, field: 'last_name', message: 'Repeats row 2; it is imported once' },
      { row: 5, field: 'last_name', message: 'Required' },
    ]);
    const done = await importCsv('patients', twice, false);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ rows: 4, created: 2 });
    const found = await w.t.call('GET', '/api/scheduling/patients?q=twice', { token: w.owner.token });
    expect(found.body.items).toHaveLength(1);
  });

  it('refuses a file without the identifying columns', async () => {
    const res = await importCsv('patients', 'name,dob\nA,1990-01-01', true);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/first_name/);
  });
});
