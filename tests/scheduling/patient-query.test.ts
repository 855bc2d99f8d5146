import { describe, expect, it } from 'vitest';
import { describePatientQuery, phoneDigits, readPatientQuery } from '../../shared/patient-search.ts';

describe('reading a patient search', () => {
  it('nothing typed lists everyone', () => {
    expect(readPatientQuery(undefined)).toEqual({ kind: 'all' });
    expect(readPatientQuery('   ')).toEqual({ kind: 'all' });
  });

  it('reads phone numbers however they are punctuated, matching on the last ten digits', () => {
    for (const typed of [
      '(614) 555-1000',
      '614-555-1000',
      '614.555.1000',
      '614 555 1000',
      '6145551000',
      '+1 614 555 1000',
      '+1 (614) 555-1000',
      '1-614-555-1000',
      '16145551000',
    ]) {
      expect(readPatientQuery(typed), typed).toEqual({ kind: 'phone', digits: '6145551000' });
    }
    // Seven digits are enough to start matching; a leading 1 is the country code even mid-typing.
    expect(readPatientQuery('555-1000')).toEqual({ kind: 'phone', digits: '5551000' });
    expect(readPatientQuery('+1 614 555 1')).toEqual({ kind: 'phone', digits: '6145551' });
    expect(readPatientQuery('+44 20 7946 0958')).toEqual({ kind: 'phone', digits: '2079460958' });
  });

  it('fewer than seven digits, or digits mixed with letters, are not a phone', () => {
    expect(readPatientQuery('614-55')).toMatchObject({ kind: 'name' });
    expect(readPatientQuery('1985')).toMatchObject({ kind: 'name' });
    expect(readPatientQuery('614 555 1000 x2')).toMatchObject({ kind: 'name' });
  });

  it('reads birth dates month first or year first, exactly', () => {
    expect(readPatientQuery('03/14/1985')).toEqual({ kind: 'birthDate', date: '1985-03-14' });
    expect(readPatientQuery('3/4/1985')).toEqual({ kind: 'birthDate', date: '1985-03-04' });
    expect(readPatientQuery('1985-03-14')).toEqual({ kind: 'birthDate', date: '1985-03-14' });
    expect(readPatientQuery(' 1985-3-4 ')).toEqual({ kind: 'birthDate', date: '1985-03-04' });
  });

  it('a whole date that is no day says why; a date still being typed is not refused', () => {
    expect(readPatientQuery('02/30/1990')).toEqual({
      kind: 'badDate',
      message: expect.stringContaining('February 1990 has no day 30'),
    });
    expect(readPatientQuery('14/03/1985')).toMatchObject({ kind: 'badDate' });
    expect(readPatientQuery('03/14/198')).toMatchObject({ kind: 'name' });
    expect(readPatientQuery('03/14/85')).toMatchObject({ kind: 'name' });
  });

  it('one word is the start of a last name or of a first name', () => {
    expect(readPatientQuery('Smi')).toEqual({
      kind: 'name',
      lookups: [
        { by: 'last', last: 'smi' },
        { by: 'first', first: 'smi' },
      ],
    });
  });

  it('"last, first" is the start of both', () => {
    expect(readPatientQuery('Smith, Jo')).toEqual({
      kind: 'name',
      lookups: [{ by: 'first', first: 'jo', last: 'smith' }],
    });
    expect(readPatientQuery('smi,j')).toEqual({
      kind: 'name',
      lookups: [{ by: 'first', first: 'j', last: 'smi' }],
    });
    // The comma typed, the first name not yet: only the last name.
    expect(readPatientQuery('Smith,')).toEqual({ kind: 'name', lookups: [{ by: 'last', last: 'smith' }] });
  });

  it('"first last" is the start of both, or the start of a last name with a space in it', () => {
    expect(readPatientQuery('John  Sm')).toEqual({
      kind: 'name',
      lookups: [
        { by: 'first', first: 'john', last: 'sm' },
        { by: 'last', last: 'john sm' },
      ],
    });
    expect(readPatientQuery('van dyke')).toMatchObject({
      lookups: expect.arrayContaining([{ by: 'last', last: 'van dyke' }]),
    });
  });

  it('stores phones as their last ten digits', () => {
    expect(phoneDigits('(614) 555-1000')).toBe('6145551000');
    expect(phoneDigits('+1 614 555 1000')).toBe('6145551000');
    expect(phoneDigits('555-1000')).toBe('5551000');
  });

  it('says what an empty result looked for', () => {
    expect(describePatientQuery(readPatientQuery('03/14/1985'))).toBe('born 03/14/1985');
    expect(describePatientQuery(readPatientQuery('smith'))).toBe('by that name');
    expect(describePatientQuery(readPatientQuery('555 1000'))).toMatch(/phone/);
  });
});
